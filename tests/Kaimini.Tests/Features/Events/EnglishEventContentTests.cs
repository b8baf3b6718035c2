using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Events;

/// <summary>An event's optional English title and description: the English interface shows them,
/// or the Latvian ones marked lang="lv"; the Latvian interface always shows the Latvian ones.</summary>
public class EnglishEventContentTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task The_English_event_page_shows_the_English_title_and_description()
    {
        var tag = Tag();
        var ev = await TestEvents.CreateAsync(app, $"Kaimiņu talka {tag}", configure: e =>
        {
            e.TitleEn = $"Neighbours' clean-up {tag}";
            e.Description = "Latviešu **apraksts**.";
            e.DescriptionEn = "English **description**.";
        });
        using var en = app.CreatePageClient("en");
        using var lv = app.CreatePageClient("lv");

        var english = await en.GetAsync($"/events/{ev.Slug}");
        var latvian = await lv.GetAsync($"/events/{ev.Slug}");

        Assert.Equal($"Neighbours' clean-up {tag}", english.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(english.QuerySelector("h1 [lang]"));
        Assert.StartsWith($"Neighbours' clean-up {tag}", english.Title);
        Assert.Equal("English description.", english.QuerySelector(".community-description")!.TextContent.Trim());
        Assert.Null(english.QuerySelector(".community-description [lang]"));
        Assert.Equal($"Kaimiņu talka {tag}", latvian.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Latviešu apraksts.", latvian.QuerySelector(".community-description")!.TextContent.Trim());
        Assert.Empty(latvian.QuerySelectorAll("main [lang]"));
    }

    [Fact]
    public async Task Without_English_texts_the_English_page_shows_the_Latvian_ones_marked_as_Latvian()
    {
        var tag = Tag();
        var ev = await TestEvents.CreateAsync(app, $"Pagalma svētki {tag}", configure: e => e.Description = "Tikai **latviski**.");
        using var en = app.CreatePageClient("en");

        var page = await en.GetAsync($"/events/{ev.Slug}");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"Pagalma svētki {tag}", page.QuerySelector("h1 [lang=lv]")!.TextContent);
        Assert.Equal("Tikai latviski.", page.QuerySelector(".community-description [lang=lv]")!.TextContent.Trim());
        // The page's own texts around it stay English and unmarked.
        Assert.Equal("Events", page.QuerySelector(".breadcrumb a[href='/events']")!.TextContent);
    }

    [Fact]
    public async Task Lists_the_month_the_home_page_and_the_feed_use_the_English_title_or_the_marked_Latvian_one()
    {
        var tag = Tag();
        var translated = await TestEvents.CreateAsync(app, $"Rudens forums {tag}", startsAt: app.Clock.GetUtcNow().AddDays(3),
            configure: e => e.TitleEn = $"Autumn forum {tag}");
        var latvianOnly = await TestEvents.CreateAsync(app, $"Ziemas forums {tag}", startsAt: app.Clock.GetUtcNow().AddDays(3).AddHours(1));
        using var en = app.CreatePageClient("en");
        using var lv = app.CreatePageClient("lv");
        var month = translated.StartsAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var path in new[] { "/events", $"/events/calendar?month={month}", "/" })
        {
            var page = await en.GetAsync(path);
            var a = page.QuerySelectorAll($"main a[href='/events/{translated.Slug}']");
            Assert.NotEmpty(a);
            Assert.All(a, link => Assert.Contains($"Autumn forum {tag}", link.TextContent));
            Assert.All(a, link => Assert.Null(link.QuerySelector("[lang]")));
            var b = page.QuerySelectorAll($"main a[href='/events/{latvianOnly.Slug}']");
            Assert.NotEmpty(b);
            Assert.All(b, link => Assert.Equal($"Ziemas forums {tag}", link.QuerySelector("[lang=lv]")!.TextContent));

            var latvian = await lv.GetAsync(path);
            Assert.All(latvian.QuerySelectorAll($"main a[href='/events/{translated.Slug}']"), link => Assert.Contains($"Rudens forums {tag}", link.TextContent));
            Assert.Empty(latvian.QuerySelectorAll("main [lang]"));
        }

        Assert.Contains($"SUMMARY:Autumn forum {tag}", await en.Http.GetStringAsync("/events.ics"));
        Assert.Contains($"SUMMARY:Rudens forums {tag}", await lv.Http.GetStringAsync("/events.ics"));
    }

    [Fact]
    public async Task The_organisers_tools_in_English_show_the_English_title_or_the_marked_Latvian_one()
    {
        var tag = Tag();
        var translated = await TestEvents.CreateAsync(app, $"Ābeļu talka {tag}", configure: e => e.TitleEn = $"Apple tree day {tag}");
        var latvianOnly = await TestEvents.CreateAsync(app, $"Ozolu talka {tag}");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser, "en");
        using var _o = organiser;

        var list = await organiser.GetAsync("/admin/events");
        Assert.Equal($"Apple tree day {tag}", list.QuerySelector($"main a[href='/admin/events/{translated.Slug}/edit']")!.TextContent);
        Assert.Equal($"Ozolu talka {tag}", list.QuerySelector($"main a[href='/admin/events/{latvianOnly.Slug}/edit'] [lang=lv]")!.TextContent);

        var registrations = await organiser.GetAsync($"/admin/events/{latvianOnly.Slug}/registrations");
        Assert.Equal($"Ozolu talka {tag}", registrations.QuerySelector("h1 [lang=lv]")!.TextContent);
        var checkIn = await organiser.GetAsync($"/admin/events/{translated.Slug}/check-in");
        Assert.Contains($"Apple tree day {tag}", checkIn.QuerySelector("h1")!.TextContent);
        var message = await organiser.GetAsync($"/admin/events/{translated.Slug}/message");
        Assert.Contains($"Apple tree day {tag}", message.Title);
    }

    [Fact]
    public async Task The_organisers_form_saves_and_shows_the_English_fields_and_keeps_them_on_an_error()
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser, "en");
        var tag = Tag();
        var ev = await TestEvents.CreateAsync(app, $"Tulkojamais forums {tag}");
        var edit = await organiser.GetAsync($"/admin/events/{ev.Slug}/edit");
        Assert.Equal("Title in English (optional)", edit.QuerySelector("label[for=form_TitleEn]")!.TextContent.Trim());
        Assert.Equal("Description in English (optional)", edit.QuerySelector("label[for=form_DescriptionEn]")!.TextContent.Trim());
        Assert.Null(edit.QuerySelector("#form_TitleEn")!.GetAttribute("aria-required"));

        var refused = await organiser.SubmitExpectingPageAsync(edit, "main form[action$='/edit']", new Dictionary<string, string>
        {
            ["form.TitleEn"] = new string('x', 201),
            ["form.DescriptionEn"] = "Kept *as typed*.",
        });
        Assert.NotEmpty(refused.QuerySelector("#form_TitleEn-error")!.TextContent);
        Assert.Equal(new string('x', 201), refused.QuerySelector("#form_TitleEn")!.GetAttribute("value"));
        Assert.Equal("Kept *as typed*.", refused.QuerySelector("#form_DescriptionEn")!.TextContent.Trim());

        await organiser.SubmitAndFollowAsync(edit, "main form[action$='/edit']", new Dictionary<string, string>
        {
            ["form.TitleEn"] = $"  Translated forum {tag} ",
            ["form.DescriptionEn"] = "In *English*.",
        });

        var saved = await app.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == ev.Id));
        Assert.Equal($"Translated forum {tag}", saved.TitleEn);
        Assert.Equal("In *English*.", saved.DescriptionEn);
        Assert.Equal($"Tulkojamais forums {tag}", saved.Title);
        var again = await organiser.GetAsync($"/admin/events/{ev.Slug}/edit");
        Assert.Equal($"Translated forum {tag}", again.QuerySelector("#form_TitleEn")!.GetAttribute("value"));

        // Emptied, the English title is gone and the English page falls back to the Latvian one.
        await organiser.SubmitAndFollowAsync(again, "main form[action$='/edit']", new Dictionary<string, string> { ["form.TitleEn"] = " " });
        Assert.Null(await app.WithDbAsync(db => db.Events.Where(e => e.Id == ev.Id).Select(e => e.TitleEn).SingleAsync()));
        Assert.Equal($"Tulkojamais forums {tag}", (await organiser.GetAsync($"/events/{ev.Slug}")).QuerySelector("h1 [lang=lv]")!.TextContent);
    }
}
