using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Communities;

/// <summary>A community's optional English short description and description: the English
/// interface shows them, or the Latvian ones marked lang="lv"; the name is one in both languages.</summary>
public class EnglishCommunityContentTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task The_English_community_page_and_directory_show_the_English_texts()
    {
        var community = await TestCommunities.CreateAsync(app, "Tulkotie kaimiņi", "olaine", description: "Latviešu **apraksts**.");
        await app.WithDbAsync(db => db.Communities.Where(c => c.Id == community.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.ShortDescriptionEn, "Translated neighbours in short.")
            .SetProperty(c => c.DescriptionEn, "English **description**.")));
        using var en = app.CreatePageClient("en");
        using var lv = app.CreatePageClient("lv");

        var page = await en.GetAsync($"/communities/{community.Slug}");
        var list = await en.GetAsync("/communities?q=tulkotie");
        var latvian = await lv.GetAsync($"/communities/{community.Slug}");

        Assert.Equal("Tulkotie kaimiņi", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Translated neighbours in short.", page.QuerySelector("main .lead")!.TextContent.Trim());
        Assert.Equal("English description.", page.QuerySelector(".community-description")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".lead [lang], .community-description [lang]"));
        Assert.Contains("Translated neighbours in short.", list.QuerySelector("main")!.TextContent);
        Assert.Equal("Tulkotie kaimiņi: īss apraksts.", latvian.QuerySelector("main .lead")!.TextContent.Trim());
        Assert.Equal("Latviešu apraksts.", latvian.QuerySelector(".community-description")!.TextContent.Trim());
        Assert.Empty(latvian.QuerySelectorAll("main [lang]"));
    }

    [Fact]
    public async Task Without_English_texts_the_English_page_and_directory_mark_the_Latvian_ones()
    {
        var community = await TestCommunities.CreateAsync(app, "Latviskie kaimiņi", "olaine", description: "Tikai **latviski**.");
        using var en = app.CreatePageClient("en");

        var page = await en.GetAsync($"/communities/{community.Slug}");
        var list = await en.GetAsync("/communities?q=latviskie");

        Assert.Equal("Latviskie kaimiņi: īss apraksts.", page.QuerySelector("main .lead [lang=lv]")!.TextContent);
        Assert.Equal("Tikai latviski.", page.QuerySelector(".community-description [lang=lv]")!.TextContent.Trim());
        Assert.Contains(list.QuerySelectorAll("main [lang=lv]"), e => e.TextContent == "Latviskie kaimiņi: īss apraksts.");
    }

    [Fact]
    public async Task The_leaders_form_saves_the_English_texts_and_keeps_them_on_an_error()
    {
        var (leader, leaderUser) = await app.LoggedInAsync(Roles.Leader, "en");
        var own = await TestCommunities.CreateAsync(app, "Rediģējamie kaimiņi", "baldone", LegalForm.InformalGroup, themes: ["culture"], leaderId: leaderUser.Id);
        var edit = await leader.GetAsync($"/communities/{own.Slug}/edit");
        Assert.Equal("Short description in English (optional)", edit.QuerySelector("label[for=form_ShortDescriptionEn]")!.TextContent.Trim());
        Assert.Equal("Description in English (optional)", edit.QuerySelector("label[for=form_DescriptionEn]")!.TextContent.Trim());

        var refused = await leader.SubmitExpectingPageAsync(edit, "main form", new Dictionary<string, string>
        {
            ["form.ShortDescriptionEn"] = new string('x', 301),
            ["form.DescriptionEn"] = "Kept *as typed*.",
        });
        Assert.NotEmpty(refused.QuerySelector("#form_ShortDescriptionEn-error")!.TextContent);
        Assert.Equal(new string('x', 301), refused.QuerySelector("#form_ShortDescriptionEn")!.GetAttribute("value"));
        Assert.Equal("Kept *as typed*.", refused.QuerySelector("#form_DescriptionEn")!.TextContent.Trim());

        await leader.SubmitAndFollowAsync(edit, "main form", new Dictionary<string, string>
        {
            ["form.ShortDescriptionEn"] = " Neighbours who edit. ",
            ["form.DescriptionEn"] = "In *English*.",
        });

        var stored = await app.WithDbAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Id == own.Id));
        Assert.Equal("Neighbours who edit.", stored.ShortDescriptionEn);
        Assert.Equal("In *English*.", stored.DescriptionEn);
        Assert.Equal("Rediģējamie kaimiņi: īss apraksts.", stored.ShortDescription);
        // The directory's search matches the English text too.
        Assert.Contains("Rediģējamie kaimiņi", (await leader.GetAsync("/communities?q=neighbours+who+edit")).QuerySelector("main")!.TextContent);
        var again = await leader.GetAsync($"/communities/{own.Slug}/edit");
        Assert.Equal("Neighbours who edit.", again.QuerySelector("#form_ShortDescriptionEn")!.GetAttribute("value"));
        Assert.Equal("In *English*.", again.QuerySelector("#form_DescriptionEn")!.TextContent.Trim());
    }
}
