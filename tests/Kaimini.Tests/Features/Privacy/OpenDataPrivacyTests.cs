using System.Text.Json;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Privacy;

public class OpenDataPrivacyTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Open_data_publishes_phone_and_street_of_legal_entities_only()
    {
        var association = await TestCommunities.CreateAsync(app, "Biedrība ar adresi", "olaine", LegalForm.Association);
        var group = await TestCommunities.CreateAsync(app, "Neformāla grupa ar adresi", "olaine", LegalForm.InformalGroup);
        await app.WithDbAsync(async db =>
        {
            await db.Communities.Where(c => c.Id == association.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Phone, "+37167111111").SetProperty(c => c.Street, "Zemgales iela 33"));
            return await db.Communities.Where(c => c.Id == group.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Phone, "+37129222222").SetProperty(c => c.Street, "Meža iela 7"));
        });
        using var client = app.CreatePageClient("lv");

        var csv = await client.Http.GetStringAsync("/communities.csv");
        var json = JsonDocument.Parse(await client.Http.GetStringAsync("/communities.json")).RootElement;

        Assert.Contains("+37167111111", csv);
        Assert.Contains("Zemgales iela 33", csv);
        Assert.Contains("Neformāla grupa ar adresi", csv);
        Assert.DoesNotContain("+37129222222", csv);
        Assert.DoesNotContain("Meža iela 7", csv);
        var rows = json.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal("+37167111111", rows[association.Name].GetProperty("phone").GetString());
        Assert.Equal("Zemgales iela 33", rows[association.Name].GetProperty("street").GetString());
        Assert.Equal(JsonValueKind.Null, rows[group.Name].GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[group.Name].GetProperty("street").ValueKind);
    }
}
