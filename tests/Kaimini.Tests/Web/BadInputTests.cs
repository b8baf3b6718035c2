using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;

namespace Kaimini.Tests.Web;

/// <summary>A NUL byte or another control character in any form field or query parameter is
/// refused with 400 and the translated page, never a 500 or a broken response; impossible dates
/// get a translated message with the form kept.</summary>
public class BadInputTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private const string Nul = "a\0b";

    /// <summary>Every page with forms, as a visitor and as an administrator (who sees every tool).</summary>
    private async Task<List<(PageClient Client, IDocument Page)>> PagesWithFormsAsync()
    {
        var (admin, adminUser) = await app.LoggedInAsync(Roles.Administrator);
        var visitor = app.CreatePageClient("lv");
        var community = await TestCommunities.CreateAsync(app, "Nulles kopiena", "olaine", publicEmail: "nulle@example.lv", leaderId: adminUser.Id);
        var ev = await TestEvents.CreateAsync(app, "Nulles forums", capacity: 10);
        var idea = await TestIdeas.CreateAsync(app, "Nulles ideja");
        var post = await Features.Cooperation.TestCooperation.CreateAsync(app, community, "Nulles sludinājums");
        string[] visitorPages =
        [
            "/", "/account/login", "/account/register", "/account/forgot-password", "/account/resend-confirmation",
            $"/communities/{community.Slug}/contact", $"/events/{ev.Slug}", "/ideas/new", "/ideas", "/events", "/communities", "/leaders",
            "/cooperation",
        ];
        string[] adminPages =
        [
            "/communities/new", $"/communities/{community.Slug}/edit", $"/communities/{community.Slug}/co-leaders",
            "/admin/events/new", $"/admin/events/{ev.Slug}/edit", $"/admin/events/{ev.Slug}/cancel", $"/admin/events/{ev.Slug}/outcome",
            $"/admin/events/{ev.Slug}/message", $"/admin/events/{ev.Slug}/invite", $"/admin/events/{ev.Slug}/registrations",
            "/admin/invitations", "/admin/communities", $"/admin/ideas/{idea.Id}", $"/municipality/ideas/{idea.Id}", "/admin/mail",
            "/account/profile", "/account/privacy", "/account/change-password",
            "/cooperation/new", $"/cooperation/{post.Id}", $"/cooperation/{post.Id}/edit", "/admin/cooperation",
        ];
        var pages = new List<(PageClient, IDocument)>();
        foreach (var url in visitorPages)
        {
            pages.Add((visitor, await visitor.GetAsync(url)));
        }

        foreach (var url in adminPages)
        {
            pages.Add((admin, await admin.GetAsync(url)));
        }

        return pages;
    }

    [Fact]
    public async Task A_nul_byte_in_any_field_of_any_form_is_refused_with_a_translated_400()
    {
        var checkedForms = 0;
        foreach (var (client, page) in await PagesWithFormsAsync())
        {
            foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form"))
            {
                var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type is "text" or "email" or "search" or "password" or "url" or "tel" or "hidden")
                    .Select(i => i.Name).Concat(form.Elements.OfType<IHtmlTextAreaElement>().Select(t => t.Name))
                    .Where(n => !string.IsNullOrEmpty(n) && n != "__RequestVerificationToken").Distinct().ToList();
                foreach (var field in fields)
                {
                    var isGet = string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase);
                    HttpResponseMessage response;
                    try
                    {
                        response = isGet
                            ? await client.Http.GetAsync(new Uri(form.Action).AbsolutePath + "?" + Uri.EscapeDataString(field!) + "=" + Uri.EscapeDataString(Nul))
                            : await client.SubmitAsync(page, form, new Dictionary<string, string> { [field!] = Nul });
                    }
                    catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                    {
                        throw new InvalidOperationException($"{(isGet ? "GET" : "POST")} {form.Action} with NUL in '{field}' broke the response", ex);
                    }

                    using var _ = response;
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                        $"{(isGet ? "GET" : "POST")} {form.Action} with NUL in '{field}' answered {(int)response.StatusCode}");
                    var shown = await PageClient.ParseAsync(response);
                    Assert.Equal("Pieprasījumu nevarēja apstrādāt", shown.QuerySelector("h1")?.TextContent);
                    checkedForms++;
                }
            }
        }

        Assert.True(checkedForms > 50, $"Only {checkedForms} fields were tried.");
    }

    [Theory]
    [InlineData("/ideas?forum=a%00b")]
    [InlineData("/ideas?q=a%00b")]
    [InlineData("/account/confirm-email?userId=a%00b&code=x")]
    [InlineData("/account/reset-password?email=a%00b&code=x")]
    [InlineData("/events?kind=a%00b")]
    [InlineData("/events/calendar?month=a%00b")]
    [InlineData("/communities?q=a%00b")]
    [InlineData("/communities?former=a%00b")]
    [InlineData("/leaders?q=a%00b")]
    [InlineData("/admin/mail?recipient=a%00b")]
    [InlineData("/events/a%01b")]
    public async Task A_nul_byte_in_a_query_parameter_or_path_is_a_translated_400(string url)
    {
        using var client = app.CreatePageClient("en");

        using var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request could not be processed", (await PageClient.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("form.StartsAt")]
    [InlineData("form.RegistrationClosesAt")]
    [InlineData("form.RegistrationOpensAt")]
    public async Task The_year_one_as_an_events_date_is_a_translated_message_with_the_form_kept(string field)
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser, "en");
        var form = await organiser.GetAsync("/admin/events/new");
        var day = TestDates.DaysAhead(app.Clock, 30);
        var values = new Dictionary<string, string>
        {
            ["form.Title"] = "Forums pirmajā gadā",
            ["form.Kind"] = "Forum",
            ["form.StartsAt"] = TestDates.Field(day, 10),
            ["form.EndsAt"] = TestDates.Field(day, 12),
            ["form.Venue"] = "Olaines kultūras nams",
            ["form.TerritoryId"] = form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent.StartsWith("Olaine")).GetAttribute("value")!,
            [field] = "0001-01-01T00:00",
        };

        var page = await organiser.SubmitExpectingPageAsync(form, "main form", values);

        var id = "#" + field.Replace('.', '_') + "-error";
        Assert.Contains("must be a date between the years 2000 and 2100", page.QuerySelector(id)!.TextContent);
        Assert.Equal("Forums pirmajā gadā", page.QuerySelector("#form_Title")!.GetAttribute("value"));
    }
}
