using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Reports;

/// <summary>CSV and XLSX carry exactly the tables on screen, with the page's filters, in the page's
/// language and number formats; hidden cells stay hidden; every export is in the audit log.</summary>
public class ReportExportTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    /// <summary>A table as the screen shows it: caption, then rows of the cell texts in the export's
    /// column order (or the note the screen gives instead).</summary>
    private sealed record ScreenTable(string Caption, List<List<string>> Rows, string? Note);

    /// <summary>Screen columns of a figure table → export columns (indicator, unit, current, previous,
    /// change, change %, basis, definition).</summary>
    private static readonly int[] FigureColumns = [0, 2, 3, 4, 5, 6];

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task Csv_and_xlsx_carry_exactly_the_tables_on_screen(string culture)
    {
        var (client, _) = await app.LoggedInAsync(Roles.MunicipalityStaff, culture);
        using var _c = client;
        var query = app.Range("territory=olaines-novads");
        var page = await client.GetAsync("/reports" + query);
        var screen = ScreenTables(page);
        var c = CultureInfo.GetCultureInfo(culture);

        var csv = ExportFiles.Split(ExportFiles.Csv(await DownloadAsync(client, "/reports/export.csv" + query), c));
        var xlsx = ExportFiles.Split(ExportFiles.Xlsx(await DownloadAsync(client, "/reports/export.xlsx" + query), 0).Rows);

        foreach (var (format, tables) in new[] { ("csv", csv.Tables), ("xlsx", xlsx.Tables) })
        {
            Assert.Equal(screen.Select(s => s.Caption), tables.Select(x => x.Caption));
            foreach (var (shown, exported) in screen.Zip(tables))
            {
                var where = $"{format} {culture} «{shown.Caption}»";
                Assert.True(shown.Note == exported.Note, $"{where}: note «{shown.Note}» vs «{exported.Note}»");
                Assert.True(shown.Rows.Count == exported.Rows.Count, $"{where}: {shown.Rows.Count} rows on screen, {exported.Rows.Count} exported");
                var figureTable = exported.Columns.Count == 8;
                foreach (var (screenRow, exportRow) in shown.Rows.Zip(exported.Rows))
                {
                    var cells = figureTable ? FigureColumns.Select(i => exportRow[i]).ToList() : exportRow.ToList();
                    for (var i = 0; i < screenRow.Count; i++)
                    {
                        Assert.True(Same(screenRow[i], cells[i], c), $"{where}, row «{screenRow[0]}», column {i}: screen «{screenRow[i]}», export {cells[i]}");
                    }
                }
            }
        }

        // The data set's small cells: on screen and in both files as text, never the number.
        var participation = xlsx.Tables.Single(x => x.Caption == page.QuerySelector("#aim-2")!.TextContent.Trim());
        var returning = participation.Rows.Single(r => r[0].Text == page.QuerySelector("tr[data-indicator=ReturningParticipants] .fw-semibold")!.TextContent.Trim());
        Assert.Equal("<5", returning[2].Text);
        Assert.Null(returning[2].Number);
        Assert.Equal(culture == "lv" ? "slēpts" : "hidden", participation.Rows.Single(r => r[0].Text == page.QuerySelector("tr[data-indicator=NewParticipants] .fw-semibold")!.TextContent.Trim())[2].Text);
    }

    [Theory]
    [InlineData("lv", "Olaines novads", "visas tēmas", "Izdrukāts")]
    [InlineData("en", "Olaines novads", "all themes", "Printed")]
    public async Task The_header_names_the_report_period_territory_and_filters_and_the_xlsx_defines_every_indicator(
        string culture, string territory, string allThemes, string printed)
    {
        var (client, _) = await app.LoggedInAsync(Roles.Organiser, culture);
        using var _c = client;
        var query = app.Range("territory=olaines-novads&kind=Forum");
        var page = await client.GetAsync("/reports" + query);
        var c = CultureInfo.GetCultureInfo(culture);
        string Day(int offset) => app.Day(offset).ToString(culture == "lv" ? "dd.MM.yyyy" : "d MMM yyyy", c);

        var csv = ExportFiles.Split(ExportFiles.Csv(await DownloadAsync(client, "/reports/export.csv" + query), c)).Header;
        var (xlsxRows, sheetNames, formats) = ExportFiles.Xlsx(await DownloadAsync(client, "/reports/export.xlsx" + query), 0);
        var xlsx = ExportFiles.Split(xlsxRows).Header;

        // The period and the previous one: text in CSV, date cells in XLSX.
        Assert.Equal([Day(-90), Day(-1)], csv[1].Skip(1).Select(x => x.Text));
        Assert.Equal([Day(-180), Day(-91)], csv[2].Skip(1).Select(x => x.Text));
        Assert.Equal([app.Day(-90), app.Day(-1)], xlsx[1].Skip(1).Select(x => DateOnly.FromDateTime(DateTime.FromOADate(x.Number!.Value))));
        Assert.Equal(culture == "lv" ? "dd.mm.yyyy" : "d mmm yyyy", formats[(1, 1)]);
        foreach (var header in new[] { csv, xlsx })
        {
            Assert.Equal(culture == "lv" ? "Kaimiņi: pārskats par projekta mērķiem" : "Kaimiņi: report on the project's aims", header[0][0].Text);
            Assert.Equal(territory, header[3][1].Text);
            // The filters in words, as the page says them.
            var words = string.Join("; ", header.Skip(4).Take(3).Select(r => $"{r[0].Text}: {r[1].Text}")) + ".";
            Assert.Equal(page.QuerySelector("[data-scope=filters]")!.TextContent.Trim(), words);
            Assert.Contains(allThemes, words);
            Assert.Contains(page.QuerySelector("#report-kind option[selected]")!.TextContent.Trim(), words);
        }

        Assert.Contains(printed, page.QuerySelector("[data-scope=printed]")!.TextContent);

        // The second sheet: every indicator with the name and definition the screen gives it.
        var (definitions, _, _) = ExportFiles.Xlsx(await DownloadAsync(client, "/reports/export.xlsx" + query), 1);
        Assert.Equal(culture == "lv" ? ["Pārskats", "Definīcijas"] : ["Report", "Definitions"], sheetNames);
        Assert.Equal(Indicators.All.Count + 1, definitions.Count);
        foreach (var row in page.QuerySelectorAll("tr[data-indicator]"))
        {
            var name = row.QuerySelector(".fw-semibold")!.TextContent.Trim();
            var definition = row.QuerySelector(".d-block")!.TextContent.Trim();
            var basis = row.QuerySelectorAll("td").Last().TextContent.Trim();
            Assert.Contains(definitions, d => d[0].Text == name && d[2].Text == definition && d[3].Text == basis);
        }
    }

    [Fact]
    public async Task Every_export_is_in_the_audit_log_with_its_filters()
    {
        var (client, user) = await app.LoggedInAsync(Roles.MunicipalityStaff);
        using var _c = client;

        using var csv = await client.Http.GetAsync("/reports/export.csv" + app.Range("territory=olaines-novads&theme=civic&participant=Resident"));
        using var xlsx = await client.Http.GetAsync("/reports/export.xlsx?period=year&territory=all");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"kaimini-parskats-{app.Day(-90):yyyy-MM-dd}-{app.Day(-1):yyyy-MM-dd}-olaines-novads.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        Assert.Equal($"kaimini-parskats-{app.Today.Year}-viss-tikls.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == user.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(("Report", "reports", "exported"), (e.EntityType, e.EntityId, e.Action)));
        Assert.All(entries, e => Assert.InRange(e.At, app.Clock.GetUtcNow().AddMinutes(-5), app.Clock.GetUtcNow()));
        var first = JsonSerializer.Deserialize<ExportRecord>(entries[0].Changes!)!;
        Assert.Equal(new ExportRecord("csv", "Range", $"{app.Day(-90):yyyy-MM-dd}", $"{app.Day(-1):yyyy-MM-dd}", "olaines-novads", "civic", null, "Resident"), first);
        var second = JsonSerializer.Deserialize<ExportRecord>(entries[1].Changes!)!;
        Assert.Equal(("xlsx", "Year", "all", $"{app.Today.Year}-01-01"), (second.Format, second.Period, second.Territory, second.From));
    }

    [Fact]
    public async Task A_staff_members_export_without_a_territory_is_of_their_own_novads()
    {
        var (client, user) = await app.LoggedInAsync(Roles.MunicipalityStaff);
        using var _c = client;
        await app.WithDbAsync(async db =>
        {
            var olaine = await db.Territories.SingleAsync(t => t.Slug == "olaines-novads");
            return await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.NovadsId, olaine.Id));
        });

        using var response = await client.Http.GetAsync("/reports/export.csv" + app.Range());
        var header = ExportFiles.Split(ExportFiles.Csv(await response.Content.ReadAsByteArrayAsync(), CultureInfo.GetCultureInfo("lv"))).Header;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Olaines novads", header[3][1].Text);
        Assert.EndsWith("-olaines-novads.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var changes = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == user.Id).Select(a => a.Changes).SingleAsync());
        Assert.Equal("olaines-novads", JsonSerializer.Deserialize<ExportRecord>(changes!)!.Territory);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Leader)]
    public async Task Residents_and_leaders_may_not_export(string? role)
    {
        var (client, user) = await app.LoggedInAsync(role);
        using var _c = client;

        foreach (var url in new[] { "/reports/export.csv?territory=all", "/reports/export.xlsx?territory=all" })
        {
            using var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
            using var denied = await client.Http.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserId == user.Id)));
    }

    [Fact]
    public async Task The_report_page_links_to_both_exports_with_its_filters_and_draws_its_charts()
    {
        var (client, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _c = client;
        var query = app.Range("territory=olaines-novads&theme=&participant=");
        var page = await client.GetAsync("/reports" + query);

        var links = page.QuerySelectorAll("[data-scope=exports] a").Select(a => a.GetAttribute("href")).ToList();
        var expected = app.Range("territory=olaines-novads");
        Assert.Equal(["/reports/export.xlsx" + expected, "/reports/export.csv" + expected], links);
        Assert.NotNull(page.QuerySelector("[data-scope=exports] button[data-print]"));
        // Charts: one per aim, the events by kind, ideas by theme and the funnel, each an image with a name.
        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.Equal(["chart-aim-1", "chart-aim-2", "chart-eventkind", "chart-ideatheme", "chart-aim-3", "chart-funnel"], charts.Select(x => x.GetAttribute("data-chart")));
        foreach (var chart in charts)
        {
            var names = chart.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.All(names, id => Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector($"[id='{id}']")?.TextContent)));
        }

        // The funnel's bars carry their values as text: 4 collected → 3 (75 %) …
        var funnel = page.QuerySelector("svg[data-chart=chart-funnel]")!;
        Assert.Contains("3 (75 % no iepriekšējā posma)", funnel.QuerySelectorAll("text").Select(x => x.TextContent));
        // A hidden count draws no bar, only "<5": the previous period's unique participants.
        var headline = page.QuerySelector("svg[data-chart=chart-aim-2]")!;
        Assert.Contains("Iepriekšējā periodā: <5", headline.QuerySelectorAll("text").Select(x => x.TextContent));
    }

    private static async Task<byte[]> DownloadAsync(Infrastructure.Browsing.PageClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Does the screen's text show the exported cell? Numbers are compared as numbers (the
    /// screen adds "%", "p.p.", "d."/"days", thousands separators, a typographic minus and brackets
    /// around the change in percent); text must be the same.</summary>
    private static bool Same(string screen, ExportCell cell, CultureInfo culture)
    {
        if (cell.Number is not { } number)
        {
            return screen == cell.Text;
        }

        var text = screen.Trim('(', ')').Replace('−', '-').TrimStart('±');
        foreach (var unit in new[] { " p.p.", " %", " d.", " days" })
        {
            text = text.EndsWith(unit) ? text[..^unit.Length] : text;
        }

        text = new string(text.Where(ch => !char.IsWhiteSpace(ch) && ch != '\u00A0' && ch != '\u202F').ToArray());
        return double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, culture, out var shown) && Math.Abs(shown - number) < 0.001;
    }

    /// <summary>Every table on the page, in order, as the export lays it out.</summary>
    private static List<ScreenTable> ScreenTables(IDocument page)
    {
        static string Text(IElement? e) => e?.TextContent.Trim() ?? "";
        var tables = new List<ScreenTable>();
        foreach (var section in page.QuerySelectorAll("section.report-aim"))
        {
            tables.Add(new ScreenTable(Text(section.QuerySelector("h2")),
                section.QuerySelectorAll("table.report-table tbody tr").Select(r =>
                {
                    var change = r.QuerySelectorAll("td[data-period=change] span");
                    return new List<string>
                    {
                        Text(r.QuerySelector("th .fw-semibold")), Text(r.QuerySelector("td[data-period=current]")), Text(r.QuerySelector("td[data-period=previous]")),
                        Text(change[0]), change.Length > 1 ? Text(change[1]) : "", Text(r.QuerySelectorAll("td").Last()),
                    };
                }).ToList(), null));
            foreach (var part in section.QuerySelectorAll("section"))
            {
                var table = part.QuerySelector("table");
                tables.Add(new ScreenTable(Text(part.QuerySelector("h3")),
                    table?.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(Text).ToList()).ToList() ?? [],
                    table is null ? Text(part.QuerySelector("p.small")) : null));
            }
        }

        return tables;
    }
}
