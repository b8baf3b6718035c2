using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Reports;

/// <summary>Who may read the reports, and staff members' own novads.</summary>
public class ReportAccessTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_log_in()
    {
        using var client = app.CreatePageClient("lv");
        foreach (var url in new[] { "/reports", "/reports?territory=all", "/reports/settings" })
        {
            using var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(Roles.Leader, false)]
    [InlineData(Roles.MunicipalityStaff, true)]
    [InlineData(Roles.Organiser, true)]
    [InlineData(Roles.Administrator, true)]
    public async Task Only_municipality_staff_organisers_and_administrators_read_reports(string? role, bool allowed)
    {
        var (client, _) = await app.LoggedInAsync(role);
        using var _c = client;
        using var response = await client.Http.GetAsync("/reports?territory=all");

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            await AssertForbiddenAsync(client, response);
        }
    }

    [Theory]
    [InlineData("?period=range&from=0001-01-01&to=9999-12-31")]
    [InlineData("?period=month&from=9999-12-31")]
    [InlineData("?period=year&from=nonsense&kind=Nothing&participant=7&theme=none&territory=nowhere")]
    public async Task Any_filter_in_the_address_gives_a_report_not_an_error(string query)
    {
        var (client, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _c = client;
        var page = await client.GetAsync("/reports" + query);

        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
    }

    [Theory]
    [InlineData(Roles.MunicipalityStaff)]
    [InlineData(Roles.Organiser)]
    public async Task Only_administrators_set_a_staff_members_novads(string role)
    {
        var (client, _) = await app.LoggedInAsync(role);
        using var _c = client;
        using var response = await client.Http.GetAsync("/reports/settings");

        await AssertForbiddenAsync(client, response);
    }

    /// <summary>Signed in without the role: the portal's access-denied page, answered 403.</summary>
    private static async Task AssertForbiddenAsync(Infrastructure.Browsing.PageClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString());
        using var denied = await client.Http.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task An_administrator_gives_a_staff_member_a_novads_and_their_reports_open_on_it()
    {
        var (staffClient, staff) = await app.LoggedInAsync(Roles.MunicipalityStaff);
        using var _s = staffClient;
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        using var _a = admin;
        var olaine = await app.WithDbAsync(db => db.Territories.SingleAsync(t => t.Slug == "olaines-novads"));

        var settings = await admin.GetAsync("/reports/settings");
        var result = await admin.SubmitAndFollowAsync(settings, $"form[action='/reports/settings/{staff.Id}']",
            new Dictionary<string, string> { ["NovadsId"] = olaine.Id.ToString() });

        Assert.Contains("Novads saglabāts.", result.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(olaine.Id, await app.WithDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.NovadsId).SingleAsync()));

        // Without a territory in the address the report opens on the staff member's novads…
        using var opened = await staffClient.Http.GetAsync("/reports?period=quarter");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/reports?period=quarter&territory=olaines-novads", opened.Headers.Location!.OriginalString);
        var own = await staffClient.GetAsync(opened.Headers.Location.OriginalString);
        Assert.Contains("Olaines novads", own.QuerySelector("[data-scope=territory]")!.TextContent);

        // …and they may widen it to the whole network, and come back.
        var widen = own.QuerySelector("[data-scope=territory] a")!.GetAttribute("href")!;
        Assert.Contains("territory=all", widen);
        var all = await staffClient.GetAsync(widen);
        Assert.Contains("Viss tīkls", all.QuerySelector("[data-scope=territory]")!.TextContent);
        Assert.Contains("territory=olaines-novads", all.QuerySelector("[data-scope=territory] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Only_a_municipality_staff_account_gets_a_novads_and_only_a_current_novads()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        using var _a = admin;
        var resident = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("resident"));
        var (_, staff) = await app.LoggedInAsync(Roles.MunicipalityStaff);
        var (novads, parish) = await app.WithDbAsync(async db => (
            (await db.Territories.SingleAsync(t => t.Slug == "olaines-novads")).Id,
            (await db.Territories.SingleAsync(t => t.Slug == "olaines-pagasts")).Id));
        var settings = await admin.GetAsync("/reports/settings");
        var token = settings.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var notStaff = await admin.Http.PostAsync($"/reports/settings/{resident.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["NovadsId"] = novads.ToString(), ["__RequestVerificationToken"] = token }));
        using var notNovads = await admin.Http.PostAsync($"/reports/settings/{staff.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["NovadsId"] = parish.ToString(), ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, notStaff.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notNovads.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == resident.Id).Select(u => u.NovadsId).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.NovadsId).SingleAsync()));
    }
}
