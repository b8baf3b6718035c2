using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Tests.Features.AdminAudit;

/// <summary>/admin/audit: administrators read who changed what and when, filtered by the kind of
/// record, by who and by day; nobody else reaches it.</summary>
public class AdminAuditTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task An_administrator_reads_a_moderation_decision_with_its_changes_and_filters_the_log()
    {
        var community = await TestCommunities.CreateAsync(app, $"Žurnāla kopiena {Guid.NewGuid():N}"[..26], "olaine");
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var moderator = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("auditor"), Roles.Organiser);
        var at = app.Clock.GetUtcNow();
        await app.WithDbAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = at,
                UserId = moderator.Id,
                EntityType = nameof(Community),
                EntityId = community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Action = "rejected",
                Changes = """{"Status": ["Pending", "Rejected"]}""",
            });
            return db.SaveChangesAsync();
        });

        var page = await admin.GetAsync($"/admin/audit?type=Community&who={Uri.EscapeDataString(moderator.Email!)}");

        var row = Assert.Single(page.QuerySelectorAll("table[data-table=audit] tbody tr"));
        Assert.Equal("rejected", row.GetAttribute("data-action"));
        Assert.Contains("noraidīta", row.TextContent);
        Assert.Contains(community.Name, row.QuerySelector($"a[href='/communities/{community.Slug}/edit']")!.TextContent);
        Assert.Contains("Status: Pending → Rejected", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/admin/people/{moderator.Id}']"));
        Assert.Equal("1 ieraksts", page.QuerySelector("main [role=status]")!.TextContent.Trim());

        // Another kind of record, or a day before the entry, leaves it out.
        var accounts = await admin.GetAsync($"/admin/audit?type=AppUser&who={Uri.EscapeDataString(moderator.Email!)}");
        Assert.Empty(accounts.QuerySelectorAll("table[data-table=audit] tbody tr"));
        var day = DateOnly.FromDateTime(at.ToRiga().DateTime).AddDays(-1);
        var earlier = await admin.GetAsync($"/admin/audit?who={Uri.EscapeDataString(moderator.Email!)}&to={day:yyyy-MM-dd}");
        Assert.Equal("Neviena ieraksta.", earlier.QuerySelector("main [role=status]")!.TextContent.Trim());
        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
        Assert.NotNull((await admin.GetAsync("/admin")).QuerySelector("a[href='/admin/audit']"));
    }

    [Theory]
    [InlineData(Roles.Organiser)]
    [InlineData(Roles.MunicipalityStaff)]
    [InlineData(null)]
    public async Task Only_administrators_read_the_log(string? role)
    {
        var (client, _) = await app.LoggedInAsync(role);

        using var response = await client.Http.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString());
    }
}
