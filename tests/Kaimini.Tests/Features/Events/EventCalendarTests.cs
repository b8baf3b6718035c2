using Ical.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Tests.Features.Events;

/// <summary>The month view and the calendar files. The class has a database of its own; tests that
/// need an empty stretch of calendar move the clock decades ahead (each test its own decade) and
/// ask with their own event kind, so the output cache never answers one test with another's page.</summary>
public class EventCalendarTests(KaiminiApp app) : IClassFixture<KaiminiApp>, IAsyncLifetime
{
    private static readonly string[] LatvianMonths =
        ["janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris"];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        app.Clock.Reset();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_month_heading_is_written_the_Latvian_way_and_the_English_way()
    {
        var month = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToRiga().Date).AddMonths(3);
        using var lv = app.CreatePageClient("lv");
        using var en = app.CreatePageClient("en");

        var latvian = await lv.GetAsync($"/events/calendar?month={month:yyyy-MM}&kind=Workshop");
        var english = await en.GetAsync($"/events/calendar?month={month:yyyy-MM}&kind=Workshop");

        Assert.Equal($"{month.Year}. gada {LatvianMonths[month.Month - 1]}", latvian.QuerySelector("main nav h2")!.TextContent.Trim());
        Assert.Equal(month.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), english.QuerySelector("main nav h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task Opened_on_a_month_with_nothing_left_it_shows_the_month_of_the_next_event_and_says_so()
    {
        app.Clock.SetUtcNow(app.Clock.GetUtcNow().AddYears(40));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToRiga().Date);
        var firstOfNextButOne = new DateOnly(today.Year, today.Month, 1).AddMonths(2);
        var ev = await TestEvents.CreateAsync(app, "Tālais seminārs", startsAt: TestDates.AtRiga(firstOfNextButOne.AddDays(9), 17),
            configure: e => e.Kind = EventKind.Workshop);
        using var client = app.CreatePageClient("lv");

        var page = await client.GetAsync("/events/calendar?kind=Workshop");

        Assert.Equal($"{firstOfNextButOne.Year}. gada {LatvianMonths[firstOfNextButOne.Month - 1]}", page.QuerySelector("main nav h2")!.TextContent.Trim());
        Assert.Contains("rādīts mēnesis, kurā notiks nākamais", page.QuerySelector("main [role=status]")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main table a[href='/events/{ev.Slug}']"));
        // On a phone the same events come as a list of days.
        Assert.NotNull(page.QuerySelector($"main .event-calendar-list a[href='/events/{ev.Slug}']"));

        // A month chosen on purpose stays, and says where the next event is.
        var chosen = await client.GetAsync($"/events/calendar?month={today:yyyy-MM}&kind=Workshop");
        Assert.Equal($"{today.Year}. gada {LatvianMonths[today.Month - 1]}", chosen.QuerySelector("main nav h2")!.TextContent.Trim());
        var next = chosen.QuerySelector("main [data-next-event]")!;
        Assert.Contains(firstOfNextButOne.AddDays(9).ToString("dd.MM.yyyy"), next.TextContent);
        Assert.NotNull(next.QuerySelector($"a[href='/events/{ev.Slug}']"));
        Assert.NotNull(next.QuerySelector($"a[href='/events/calendar?month={firstOfNextButOne:yyyy-MM}&kind=Workshop']"));
    }

    [Fact]
    public async Task Calendar_files_carry_the_Riga_zone_with_both_its_rules_and_the_feed_a_name()
    {
        var ev = await TestEvents.CreateAsync(app, "Kalendāra forums", startsAt: app.Clock.GetUtcNow().AddDays(20));
        using var client = app.CreatePageClient("lv");

        var single = Ical.Net.Calendar.Load(await client.Http.GetStringAsync($"/events/{ev.Slug}.ics"))!;
        var feedText = await client.Http.GetStringAsync("/events.ics?novads=olaines-novads");
        var feed = Ical.Net.Calendar.Load(feedText)!;

        foreach (var calendar in new[] { single, feed })
        {
            var zone = Assert.Single(calendar.TimeZones);
            Assert.Equal("Europe/Riga", zone.TzId);
            var parts = zone.Children.OfType<VTimeZoneInfo>().ToList();
            // Riga: UTC+2 in winter (EET), UTC+3 in summer (EEST), each part with its yearly rule.
            var standard = Assert.Single(parts, p => p.Name == "STANDARD");
            var daylight = Assert.Single(parts, p => p.Name == "DAYLIGHT");
            Assert.Equal(TimeSpan.FromHours(2), standard.OffsetTo!.Offset);
            Assert.Equal(TimeSpan.FromHours(3), daylight.OffsetTo!.Offset);
            Assert.NotNull(standard.RecurrenceRule);
            Assert.NotNull(daylight.RecurrenceRule);
        }

        Assert.Contains("X-WR-CALNAME:Kaimiņi: pasākumi — Olaines novads", feedText);
        Assert.Contains(feed.Events, e => e.Uid == Assert.Single(single.Events).Uid);
    }

    [Fact]
    public async Task The_event_page_offers_Google_and_Outlook_beside_the_calendar_file()
    {
        var starts = app.Clock.GetUtcNow().AddDays(30);
        var ev = await TestEvents.CreateAsync(app, "Sadarbības forums", startsAt: starts);
        using var client = app.CreatePageClient("lv");

        var links = (await client.GetAsync($"/events/{ev.Slug}")).QuerySelector("main [data-add-to-calendar]")!;

        var google = new Uri(links.QuerySelector("a[href^='https://calendar.google.com/']")!.GetAttribute("href")!);
        var query = System.Web.HttpUtility.ParseQueryString(google.Query);
        Assert.Equal("Sadarbības forums", query["text"]);
        Assert.Equal($"{starts.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}/{starts.AddHours(3).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", query["dates"]);
        Assert.Equal($"http://kaimini.test/events/{ev.Slug}", query["details"]);
        var outlook = System.Web.HttpUtility.ParseQueryString(new Uri(links.QuerySelector("a[href^='https://outlook.live.com/']")!.GetAttribute("href")!).Query);
        Assert.Equal("Sadarbības forums", outlook["subject"]);
        Assert.Equal(starts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), outlook["startdt"]);
        Assert.NotNull(links.QuerySelector($"a[href='/events/{ev.Slug}.ics']"));
    }
}
