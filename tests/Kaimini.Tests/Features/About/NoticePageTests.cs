using System.Collections.Concurrent;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Net.Http.Headers;

namespace Kaimini.Tests.Features.About;

/// <summary>The footer, the privacy notice and the accessibility statement with the shipped settings.</summary>
public class NoticePageTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Theory]
    [InlineData("lv", "Privātuma politika", "Piekļūstamības paziņojums", "tikai nepieciešamās sīkdatnes")]
    [InlineData("en", "Privacy policy", "Accessibility statement", "only necessary cookies")]
    public async Task The_home_page_footer_links_to_the_privacy_notice_the_accessibility_statement_and_the_cookie_section(
        string culture, string privacy, string accessibility, string cookieNote)
    {
        using var client = app.CreatePageClient(culture);
        var home = await client.GetAsync("/");
        var footer = home.QuerySelector("footer")!;

        Assert.Equal(privacy, footer.QuerySelector("a[href='/privatums']")!.TextContent);
        Assert.Equal(accessibility, footer.QuerySelector("a[href='/pieejamiba']")!.TextContent);
        Assert.Contains(cookieNote, footer.QuerySelector("#cookie-note")!.TextContent);
        Assert.NotNull(footer.QuerySelector("#cookie-note a[href='/privatums#sikdatnes']"));

        var notice = await client.GetAsync("/privatums");
        Assert.Equal(culture, notice.DocumentElement.GetAttribute("lang"));
        Assert.Equal(privacy, Assert.Single(notice.QuerySelectorAll("h1")).TextContent);
        Assert.Equal("h2", notice.GetElementById("sikdatnes")!.LocalName);
        var statement = await client.GetAsync("/pieejamiba");
        Assert.Equal(accessibility, Assert.Single(statement.QuerySelectorAll("h1")).TextContent);
        Assert.Contains("WCAG) 2.1", statement.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_shipped_contacts_name_both_partnerships_with_their_websites_and_no_address_or_phone_until_one_is_set()
    {
        using var client = app.CreatePageClient("lv");
        var footer = (await client.GetAsync("/")).QuerySelector("footer address")!;

        Assert.Equal(["„Pierīgas partnerība”", "„Partnerība Daugavkrasts”"], footer.QuerySelectorAll("li > .fw-semibold").Select(e => e.TextContent));
        Assert.NotNull(footer.QuerySelector("a[href='https://www.pierigaspartneriba.lv/']"));
        Assert.NotNull(footer.QuerySelector("a[href='https://daugavkrasts.lv/']"));
        Assert.Null(footer.QuerySelector("a[href^='mailto:']"));
        Assert.Null(footer.QuerySelector("a[href^='tel:']"));
        // With nowhere to write, the statement says so and points to the partnerships' websites.
        var statement = (await client.GetAsync("/pieejamiba")).QuerySelector("main")!;
        Assert.Contains("vēl nav norādīta ne e-pasta adrese, ne tālrunis", statement.TextContent);
        Assert.NotNull(statement.QuerySelector("a[href='https://www.pierigaspartneriba.lv/']"));
    }

    [Fact]
    public async Task Every_cookie_set_while_signing_in_switching_language_and_signing_out_is_named_in_the_cookie_table_and_no_other()
    {
        var recorder = new SetCookieRecorder();
        using var client = new PageClient(app.CreateDefaultClient(new Uri("http://localhost"), recorder, new CookieContainerHandler()), "lv");
        // An organiser signs in with the second step, so the two-factor cookie is set too.
        var organiser = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("cookies"), Roles.Organiser);
        var landed = await app.LogInAsync(client, organiser);
        Assert.NotNull(landed.QuerySelector("header form[action='/account/logout']"));
        using (var switched = await client.Http.GetAsync("/language/en?returnUrl=%2F"))
        {
            Assert.Equal("/", switched.Headers.Location!.OriginalString);
        }

        await client.SubmitAndFollowAsync(await client.GetAsync("/"), "header form[action='/account/logout']", new Dictionary<string, string>());

        using var visitor = app.CreatePageClient("lv");
        var table = (await visitor.GetAsync("/privatums")).GetElementById("cookie-table")!;
        var named = table.QuerySelectorAll("tbody th code").Select(c => c.TextContent).ToHashSet();
        var set = recorder.Names.ToHashSet();
        Assert.Superset(set, named);
        Assert.Superset(named, set);
        Assert.Equal(5, named.Count);
        // Each cookie's row says what it is for and how long it lasts.
        Assert.All(table.QuerySelectorAll("tbody tr"), row => Assert.All(row.QuerySelectorAll("td"), cell => Assert.False(string.IsNullOrWhiteSpace(cell.TextContent))));
    }

    /// <summary>Notes the name of every cookie the portal stores a value in.</summary>
    private sealed class SetCookieRecorder : DelegatingHandler
    {
        public ConcurrentBag<string> Names { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                // A header that clears a cookie (signing out clears Identity's external-login cookie,
                // which the portal never sets) stores nothing.
                foreach (var cookie in SetCookieHeaderValue.ParseList(values.ToList()).Where(c => c.Value.Length > 0))
                {
                    Names.Add(cookie.Name.ToString());
                }
            }

            return response;
        }
    }
}
