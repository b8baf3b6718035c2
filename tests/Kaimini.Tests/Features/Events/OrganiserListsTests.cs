using System.Net;
using Kaimini.Tests.Features.Privacy;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.AdminEvents;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Events;

/// <summary>What organisers read at a glance: the counts of an event without a limit in words, the
/// CSV's status in their wording, and a check-in list in alphabetical order that a name narrows.</summary>
public class OrganiserListsTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string CountsOf(AngleSharp.Dom.IDocument list, Event ev) =>
        list.QuerySelectorAll("main tbody tr").Single(tr => tr.QuerySelector($"a[href='/admin/events/{ev.Slug}/edit']") is not null)
            .QuerySelector("[data-counts]")!.TextContent.Trim();

    [Fact]
    public async Task An_event_without_a_limit_counts_sign_ups_in_words_and_the_csv_status_is_the_organisers()
    {
        var none = await TestEvents.CreateAsync(app, "Bez ierobežojuma, tukšs");
        var one = await TestEvents.CreateAsync(app, "Bez ierobežojuma, viens");
        var two = await TestEvents.CreateAsync(app, "Bez ierobežojuma, divi");
        var limited = await TestEvents.CreateAsync(app, "Ar ierobežojumu", capacity: 40);
        await TestRegistrations.AddAsync(app, one, TestUsers.UniqueEmail("viens"));
        await TestRegistrations.AddAsync(app, two, TestUsers.UniqueEmail("divi-a"), "Anna Bērziņa");
        await TestRegistrations.AddAsync(app, two, TestUsers.UniqueEmail("divi-b"), "Dace Ozola");
        await TestRegistrations.AddAsync(app, limited, TestUsers.UniqueEmail("ar"));
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _o = organiser;

        var list = await organiser.GetAsync("/admin/events");

        Assert.Equal("Neviens vēl nav pieteicies, vietu skaits nav ierobežots", CountsOf(list, none));
        Assert.Equal("1 pieteicies, vietu skaits nav ierobežots", CountsOf(list, one));
        Assert.Equal("2 pieteikušies, vietu skaits nav ierobežots", CountsOf(list, two));
        Assert.Equal("1 no 40; rindā 0", CountsOf(list, limited));

        var csv = await organiser.Http.GetStringAsync($"/admin/events/{two.Slug}/registrations.csv");
        Assert.Contains("Anna Bērziņa;", csv);
        Assert.Equal(2, csv.Split('\n').Count(l => l.Contains(";apstiprināts;")));
        Assert.DoesNotContain("jums ir vieta", csv);

        var (english, _) = await app.LoggedInAsync(Roles.Organiser, "en");
        using var _e = english;
        Assert.Equal("2 signed up; places are unlimited", CountsOf(await english.GetAsync("/admin/events"), two));
        var englishCsv = await english.Http.GetStringAsync($"/admin/events/{two.Slug}/registrations.csv");
        Assert.Equal(2, englishCsv.Split('\n').Count(l => l.Contains(";confirmed;")));
        Assert.DoesNotContain("you have a place", englishCsv);
    }

    [Fact]
    public async Task The_organisers_event_list_pages_through_every_event()
    {
        var community = await TestCommunities.CreateAsync(app, "Daudzu pasākumu kopiena", "olaine");
        var count = AdminEventsController.ListPageSize + 1;
        // Long past, so the events other tests add stay on their first page.
        var first = app.Clock.GetUtcNow().AddYears(-5);
        await app.WithDbAsync(async db =>
        {
            var owner = await db.Communities.SingleAsync(c => c.Id == community.Id);
            var territoryId = owner.TerritoryId;
            for (var i = 0; i < count; i++)
            {
                var ev = new Event
                {
                    Slug = $"saraksta-pasakums-{i}-{Guid.NewGuid():N}",
                    Title = $"Saraksta pasākums {i}",
                    Kind = EventKind.Forum,
                    StartsAt = first.AddDays(i),
                    EndsAt = first.AddDays(i).AddHours(3),
                    Venue = "Olaines kultūras nams",
                    TerritoryId = territoryId,
                    Status = EventStatus.Completed,
                    CreatedAt = app.Clock.GetUtcNow(),
                    UpdatedAt = app.Clock.GetUtcNow(),
                };
                ev.Communities.Add(owner);
                db.Events.Add(ev);
            }

            return await db.SaveChangesAsync();
        });
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _o = organiser;

        var list = await organiser.GetAsync($"/admin/events?community={community.Slug}");
        var titles = list.QuerySelectorAll("main tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Equal(AdminEventsController.ListPageSize, titles.Count);
        Assert.Equal($"Saraksta pasākums {count - 1}", titles[0]);
        var next = list.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains($"community={community.Slug}", next);

        var last = await organiser.GetAsync(next);
        Assert.Equal(["Saraksta pasākums 0"], last.QuerySelectorAll("main tbody tr td:first-child a").Select(a => a.TextContent));
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task The_check_in_list_is_alphabetical_and_a_name_typed_without_diacritics_narrows_it_without_script()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums ar daudziem dalībniekiem", startsAt: app.Clock.GetUtcNow().AddHours(-1));
        // Signed up in this order; c comes before č in Latvian.
        foreach (var name in new[] { "Zane Ozola", "Čaks Kārlis", "Anna Bērziņa", "Cīrulis Dainis" })
        {
            await TestRegistrations.AddAsync(app, ev, TestUsers.UniqueEmail("durvis"), name);
        }

        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _o = organiser;

        var door = await organiser.GetAsync($"/admin/events/{ev.Slug}/check-in");
        string[] Shown(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("[data-list=registered] li:not([hidden]) > div > span:first-child").Select(s => s.TextContent.Trim()).ToArray();
        Assert.Equal(["Anna Bērziņa", "Cīrulis Dainis", "Čaks Kārlis", "Zane Ozola"], Shown(door));

        // The search is a plain GET form: what a browser without script sends.
        var search = door.QuerySelector("main form[role=search]")!;
        Assert.Equal(("get", "q"), (search.GetAttribute("method"), search.QuerySelector("input[type=search]")!.GetAttribute("name")));
        var found = await organiser.GetAsync($"{search.GetAttribute("action")}?q=berzin");

        Assert.Equal(["Anna Bērziņa"], Shown(found));
        Assert.Equal("Atrasti: 1 no 4.", found.QuerySelector("[data-check-in-shown]")!.TextContent.Trim());
        Assert.Equal("berzin", found.QuerySelector("#check-in-q")!.GetAttribute("value"));

        // Marking someone found keeps the search.
        var anna = await app.WithDbAsync(db => db.EventRegistrations.SingleAsync(r => r.EventId == ev.Id && r.Name == "Anna Bērziņa"));
        using var marked = await organiser.SubmitAsync(found, $"#r-{anna.Id} form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal($"/admin/events/{ev.Slug}/check-in?q=berzin#r-{anna.Id}", marked.Headers.Location!.OriginalString);
        Assert.NotNull((await TestRegistrations.FindAsync(app, anna.Id)).CheckedInAt);
    }
}
