using System.Net;
using System.Text;
using AngleSharp.Dom;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.AdminPopulation;

/// <summary>/admin/population: an administrator imports the population of towns and parishes from a
/// CSV file, whole or not at all, each failed line reported by its number; a year imported again is
/// replaced; the reports label illustrative figures. Each test keeps to years of its own.</summary>
public class PopulationImportTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private const string Form = "main form[action='/admin/population']";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private static async Task<IDocument> UploadAsync(PageClient admin, byte[] file, HttpStatusCode expected)
    {
        using var response = await admin.SubmitFileAsync(await admin.GetAsync("/admin/population"), Form, "form.File", "iedzivotaji.csv", file);
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return expected == HttpStatusCode.Redirect
            ? await admin.GetAsync(response.Headers.Location!.OriginalString)
            : await PageClient.ParseAsync(response);
    }

    private Task<List<PopulationFigure>> YearAsync(int year) =>
        app.WithDbAsync(db => db.PopulationFigures.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.TerritoryId).ToListAsync());

    private Task<int> TerritoryAsync(string slug) => app.WithDbAsync(db => db.Territories.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task An_administrator_imports_a_file_and_sees_each_year_loaded_and_the_import_is_audited()
    {
        var (admin, adminUser) = await app.LoggedInAsync(Roles.Administrator);
        using var _a = admin;
        // A territory may be named by its ATVK code too.
        await app.WithDbAsync(db => db.Territories.Where(t => t.Slug == "olaines-pagasts").ExecuteUpdateAsync(s => s.SetProperty(t => t.AtvkCode, "0809600")));

        var page = await UploadAsync(admin, Csv(
            "\uFEFFterritory;year;population;source",
            "olaine;2001;10 500;CSP, IRS030",
            "0809600;2001;8200;CSP, IRS030",
            "kekava;2002;6100;CSP, IRS030"), HttpStatusCode.Redirect);

        Assert.Equal("Ielādētas 3 rindas.", page.QuerySelector("[role=status]")!.TextContent.Trim());
        var row = page.QuerySelector("table[data-table=population] tr[data-year='2001']")!.TextContent;
        Assert.Contains("2 no 12", row);
        Assert.Contains("CSP, IRS030", row);
        Assert.Contains(adminUser.DisplayName, row);
        Assert.Contains("18", page.QuerySelector("table[data-table=population] tr[data-year='2001'] td:nth-child(3)")!.TextContent);
        var loaded = await YearAsync(2001);
        Assert.Equal(new[] { (await TerritoryAsync("olaine"), 10500), (await TerritoryAsync("olaines-pagasts"), 8200) }.OrderBy(p => p.Item1),
            loaded.Select(p => (p.TerritoryId, p.Population)));
        Assert.All(loaded, p => Assert.Equal(adminUser.Id, p.ImportedById));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(PopulationFigure) && a.UserId == adminUser.Id).OrderBy(a => a.EntityId).ToListAsync());
        Assert.Equal(["2001", "2002"], audit.Select(a => a.EntityId));
        Assert.All(audit, a => Assert.Equal("imported", a.Action));
        Assert.Contains("\"Units\": [null, 2]", audit[0].Changes);
    }

    [Fact]
    public async Task A_bad_line_changes_nothing_and_every_failed_line_is_reported_by_its_number()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        using var _a = admin;
        var (english, _) = await app.LoggedInAsync(Roles.Administrator, "en");
        using var _e = english;
        await UploadAsync(admin, Csv("territory,year,population,source", "olaine,2003,9000,CSP"), HttpStatusCode.Redirect);
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(PopulationFigure)));
        var file = Csv(
            "territory;year;population;source",
            "olaine;2003;9500;CSP",
            "olaines-pagasts;2003;8000;CSP",
            "nekurienes-pagasts;2003;100;CSP",
            "baldone;1899;4000;CSP",
            "balozi;2003;0;CSP",
            "olaine;2003;9600;CSP",
            "olaines-novads;2003;18000;CSP");

        var page = await UploadAsync(admin, file, HttpStatusCode.OK);
        var inEnglish = await UploadAsync(english, file, HttpStatusCode.OK);

        string Line(IDocument d, int n) => d.QuerySelector($"[data-list=line-errors] li[data-line='{n}']")!.TextContent.Trim();
        Assert.Equal("4. rinda: nezināma teritorija „nekurienes-pagasts”.", Line(page, 4));
        Assert.StartsWith("5. rinda: gadam jābūt no 2000 līdz ", Line(page, 5));
        Assert.Equal("6. rinda: iedzīvotāju skaitam jābūt veselam skaitlim, lielākam par nulli („0”).", Line(page, 6));
        Assert.Equal("7. rinda: Olaine 2003. gadam jau ir 2. rindā.", Line(page, 7));
        Assert.StartsWith("8. rinda: „Olaines novads” nav pilsēta vai pagasts", Line(page, 8));
        Assert.Equal(5, page.QuerySelectorAll("[data-list=line-errors] li").Length);
        Assert.Contains("5 rindās ir kļūdas: nekas netika ielādēts.", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Line 4: unknown territory “nekurienes-pagasts”.", Line(inEnglish, 4));
        Assert.Equal("Line 7: Olaine for 2003 is already on line 2.", Line(inEnglish, 7));
        // Nothing of the file was stored, the earlier import of the year is intact, nothing audited.
        var stored = Assert.Single(await YearAsync(2003));
        Assert.Equal(9000, stored.Population);
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(PopulationFigure))));

        var nonPositive = await UploadAsync(admin, Csv("territory;year;population;source", "balozi;2003;-5;CSP", "balozi;2004;;CSP"), HttpStatusCode.OK);
        Assert.Equal("2. rinda: iedzīvotāju skaitam jābūt veselam skaitlim, lielākam par nulli („-5”).", Line(nonPositive, 2));
        Assert.Equal("3. rinda: iedzīvotāju skaitam jābūt veselam skaitlim, lielākam par nulli („”).", Line(nonPositive, 3));
        var header = await UploadAsync(admin, Csv("vieta;gads;skaits", "olaine;2003;1"), HttpStatusCode.OK);
        Assert.StartsWith("1. rinda: virsrakstā jābūt kolonnām", Line(header, 1));
        Assert.Single(await YearAsync(2003));
    }

    [Fact]
    public async Task Importing_a_year_again_replaces_it()
    {
        var (admin, adminUser) = await app.LoggedInAsync(Roles.Administrator);
        using var _a = admin;
        await UploadAsync(admin, Csv("territory;year;population;source", "olaine;2005;9000;CSP", "olaines-pagasts;2005;7000;CSP",
            "olaine;2006;9100;CSP"), HttpStatusCode.Redirect);

        var page = await UploadAsync(admin, Csv("teritorija;gads;iedzīvotāji;avots", "olaine;2005;9050;CSP (precizēts)"), HttpStatusCode.Redirect);

        var year = Assert.Single(await YearAsync(2005));
        Assert.Equal((await TerritoryAsync("olaine"), 9050, "CSP (precizēts)"), (year.TerritoryId, year.Population, year.Source));
        Assert.Single(await YearAsync(2006));
        Assert.Contains("1 no 12", page.QuerySelector("tr[data-year='2005']")!.TextContent);
        var replaced = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(PopulationFigure) && a.EntityId == "2005" && a.Action == "replaced"));
        Assert.Equal(adminUser.Id, replaced.UserId);
        Assert.Contains("\"Units\": [2, 1]", replaced.Changes);
    }

    [Fact]
    public async Task A_missing_or_too_large_file_is_refused_with_a_message()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        using var _a = admin;

        var empty = await UploadAsync(admin, [], HttpStatusCode.OK);
        var large = await UploadAsync(admin, new byte[1024 * 1024 + 1], HttpStatusCode.OK);

        Assert.Contains("Izvēlieties CSV failu.", empty.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("Fails ir par lielu (ne vairāk kā 1 MB).", large.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("true", large.QuerySelector("#form_File")!.GetAttribute("aria-invalid"));
    }

    [Theory]
    [InlineData(null, "/account/login")]
    [InlineData(Roles.Organiser, "/account/access-denied")]
    [InlineData(Roles.MunicipalityStaff, "/account/access-denied")]
    public async Task Only_administrators_see_and_import_population(string? role, string sentTo)
    {
        var client = role is null ? app.CreatePageClient("lv") : (await app.LoggedInAsync(role)).Client;
        using var _c = client;

        using var response = await client.Http.GetAsync("/admin/population");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(sentTo, response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_report_labels_an_illustrative_population_wherever_the_per_thousand_figure_is_shown()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        using var _a = admin;
        var (english, _) = await app.LoggedInAsync(Roles.Administrator, "en");
        using var _e = english;
        var year = TestDates.DaysAhead(app.Clock, 0).Year;
        var units = await app.WithDbAsync(db => db.Territories.Where(t => t.Kind == TerritoryKind.Pilseta || t.Kind == TerritoryKind.Pagasts)
            .Select(t => t.Slug).ToListAsync());
        await UploadAsync(admin, Csv(["territory;year;population;source", .. units.Select(u => $"{u};{year};1000;{PopulationFigure.IllustrativeSource}")]),
            HttpStatusCode.Redirect);

        var lv = await admin.GetAsync($"/reports?territory=all&period=year&from={year}-01-01");
        var en = await english.GetAsync($"/reports?territory=all&period=year&from={year}-01-01");
        var loaded = await admin.GetAsync("/admin/population");

        // This year's base is illustrative; last year has none for every unit: each period its own note,
        // beside the definition.
        string Note(IDocument page, string period) =>
            page.QuerySelector($"tr[data-indicator=ParticipantsPer1000] th [data-note][data-period={period}]")!.TextContent;
        Assert.EndsWith($"{year}. gads; ilustratīvi dati.", Note(lv, "current"));
        Assert.StartsWith("Šajā periodā: ", Note(lv, "current"));
        Assert.StartsWith("Iepriekšējā periodā: Iedzīvotāju skaits nav zināms", Note(lv, "previous"));
        Assert.EndsWith($"{year}; illustrative data.", Note(en, "current"));
        Assert.Equal("—", lv.QuerySelector("tr[data-indicator=ParticipantsPer1000] td[data-period=previous]")!.TextContent.Trim());
        // The exports carry the same note after the definition.
        Assert.Contains($"{year}. gads; ilustratīvi dati.", await admin.Http.GetStringAsync($"/reports/export.csv?territory=all&period=year&from={year}-01-01"));
        Assert.Contains("ilustratīvi dati (demonstrācijai)", loaded.QuerySelector($"tr[data-year='{year}']")!.TextContent);
    }
}
