using System.Net;
using System.Text.Json;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Communities;

public class CommunityPageTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public async Task Html_and_script_in_every_text_field_are_shown_as_text_or_sanitised()
    {
        var community = await TestCommunities.CreateAsync(app, $"Kopiena {Script}", "olaine", themes: ["culture"],
            description: $"Teksts {Script} <img src=x onerror=alert(1)> [saite](javascript:alert(1)) **trekns** [labā](https://example.lv)");
        await app.WithDbAsync(db => db.Communities.Where(c => c.Id == community.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.ShortDescription, $"Īsi {Script}")
            .SetProperty(c => c.Street, $"Iela {Script}")
            .SetProperty(c => c.SocialLinks, new List<string> { "https://example.lv/\"><script>alert(1)</script>" })));
        using var client = app.CreatePageClient("lv");

        var page = await client.GetAsync($"/communities/{community.Slug}");
        var list = await client.GetAsync("/communities?q=kopiena+script");

        foreach (var doc in new[] { page, list })
        {
            Assert.Empty(doc.QuerySelectorAll("main script"));
            Assert.Empty(doc.QuerySelectorAll("main img"));
            Assert.DoesNotContain(doc.QuerySelectorAll("main a"), a => a.GetAttribute("href")?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);
        }

        Assert.Equal($"Kopiena {Script}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(Script, page.QuerySelector("main .lead")!.TextContent);
        Assert.NotNull(page.QuerySelector(".community-description strong"));
        Assert.Equal("https://example.lv", page.QuerySelectorAll(".community-description a").Single(a => a.TextContent == "labā").GetAttribute("href"));
        Assert.Null(page.QuerySelectorAll(".community-description a").Single(a => a.TextContent == "saite").GetAttribute("href"));
        Assert.Contains("Teksts", page.QuerySelector(".community-description")!.TextContent);
    }

    [Theory]
    [InlineData("lv", "Rakstīt kopienai Biedrība „Zaļā sēta”")]
    [InlineData("en", "Write to Biedrība „Zaļā sēta”")]
    public async Task A_name_with_its_own_quotation_marks_gets_no_second_pair(string culture, string heading)
    {
        var community = await TestCommunities.CreateAsync(app, "Biedrība „Zaļā sēta”", "olaine", publicEmail: "valde@zala-seta.example.lv");
        using var client = app.CreatePageClient(culture);

        var page = await client.GetAsync($"/communities/{community.Slug}/contact");

        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Unknown_and_unpublished_communities_are_not_found()
    {
        var pending = await TestCommunities.CreateAsync(app, "Vēl nepublicēta", "olaine", status: CommunityStatus.Pending);
        using var client = app.CreatePageClient("lv");

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/communities/nav-tadas-kopienas")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/communities/{pending.Slug}")).StatusCode);
    }

    [Fact]
    public async Task A_message_is_relayed_to_the_community_without_showing_its_address()
    {
        var community = await TestCommunities.CreateAsync(app, "Rakstāmā kopiena", "olaine", publicEmail: "valde@rakstama.example.lv");
        using var client = app.CreatePageClient("lv");
        Assert.DoesNotContain("valde@rakstama.example.lv", (await client.GetAsync($"/communities/{community.Slug}")).DocumentElement.OuterHtml);
        var page = await client.GetAsync($"/communities/{community.Slug}/contact");
        Assert.DoesNotContain("valde@rakstama.example.lv", page.DocumentElement.OuterHtml);

        var after = await client.SubmitAndFollowAsync(page, "main form[action$='/contact']", new Dictionary<string, string>
        {
            ["contact.Name"] = "Anna Iedzīvotāja",
            ["contact.Email"] = "anna@example.lv",
            ["contact.Message"] = "Labdien!\nVai varu pievienoties talkai?",
        });

        Assert.Contains("Jūsu ziņa nosūtīta", after.QuerySelector("[role=status]")!.TextContent);
        var mail = await app.Smtp.WaitForMessageAsync("valde@rakstama.example.lv");
        Assert.Equal("Ziņa kopienai „Rakstāmā kopiena” no portāla Kaimiņi", mail.Subject);
        Assert.Equal("anna@example.lv", mail.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains("Vai varu pievienoties talkai?", mail.TextBody);
        // A relay is essential mail: no unsubscribe link that could silently drop the next message.
        Assert.Null(mail.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task The_honeypot_sends_nothing_and_bad_input_is_kept_with_its_errors()
    {
        var community = await TestCommunities.CreateAsync(app, "Aizsargātā kopiena", "olaine", publicEmail: "aizsargata@example.lv");
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/communities/{community.Slug}/contact");

        await client.SubmitAndFollowAsync(page, "main form[action$='/contact']", new Dictionary<string, string>
        {
            ["contact.Name"] = "Robots",
            ["contact.Email"] = "robots@example.lv",
            ["contact.Message"] = "Pērciet!",
            ["Contact.Website"] = "http://spam.example",
        });
        var invalid = await client.SubmitExpectingPageAsync(page, "main form[action$='/contact']", new Dictionary<string, string>
        {
            ["contact.Name"] = "Jānis",
            ["contact.Email"] = "nav-epasts",
            ["contact.Message"] = "",
        });

        Assert.Equal("nav-epasts", invalid.QuerySelector("#contact_Email")!.GetAttribute("value"));
        Assert.Equal("Jānis", invalid.QuerySelector("#contact_Name")!.GetAttribute("value"));
        Assert.Contains("Lūdzu, aizpildiet lauku „Ziņa”.", invalid.QuerySelector("[role=alert]")!.TextContent);
        // Nothing was queued, so nothing can be sent later.
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == "aizsargata@example.lv")));
        Assert.Empty(app.Smtp.MessagesTo("aizsargata@example.lv"));
    }

    [Fact]
    public async Task Open_data_lists_published_communities_only_with_public_fields()
    {
        var published = await TestCommunities.CreateAsync(app, "Atvērto datu kopiena Ķekavā", "kekava", themes: ["heritage", "culture"], publicEmail: "slepena@example.lv");
        var formula = await TestCommunities.CreateAsync(app, "=HYPERLINK(\"https://example.com\";\"Klikšķiniet\")", "kekava");
        await TestCommunities.CreateAsync(app, "Neatvērtā kopiena", "kekava", status: CommunityStatus.Pending);
        using var client = app.CreatePageClient();

        var csvResponse = await client.Http.GetAsync("/communities.csv");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        var csv = System.Text.Encoding.UTF8.GetString(bytes);
        var json = JsonDocument.Parse(await client.Http.GetStringAsync("/communities.json"));

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("\uFEFFName;Url;LegalForm;RegistrationNumber;Territory;Parish;Novads;FormerNovads;Themes", csv);
        Assert.Contains("Atvērto datu kopiena Ķekavā;http://kaimini.test/communities/", csv);
        Assert.Contains(";Ķekava;Ķekava;Ķekavas novads;Ķekavas novads;culture,heritage;", csv);
        Assert.DoesNotContain("Neatvērtā", csv);
        Assert.DoesNotContain("slepena@example.lv", csv);
        // A spreadsheet must not run what someone typed: the cell starts with a quote mark.
        Assert.Contains("\"'=HYPERLINK(", csv);
        Assert.DoesNotContain(";=HYPERLINK", csv);
        var row = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == published.Name);
        Assert.Equal("Ķekavas novads", row.GetProperty("novads").GetString());
        Assert.Equal("Association", row.GetProperty("legalForm").GetString());
        Assert.DoesNotContain(json.RootElement.EnumerateArray(), e => e.GetProperty("name").GetString() == "Neatvērtā kopiena");
        Assert.DoesNotContain("slepena", json.RootElement.GetRawText());
    }
}
