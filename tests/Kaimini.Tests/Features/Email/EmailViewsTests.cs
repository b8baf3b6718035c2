using AngleSharp.Html.Parser;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Account.Emails;
using Kaimini.Web.Features.AdminCommunities.Emails;
using Kaimini.Web.Features.AdminEvents.Emails;
using Kaimini.Web.Features.Communities.Emails;
using Kaimini.Web.Features.Cooperation.Emails;
using Kaimini.Web.Features.CoOrganiserRequests.Emails;
using Kaimini.Web.Features.Digest.Emails;
using Kaimini.Web.Features.Events.Emails;
using Kaimini.Web.Features.Ideas.Emails;
using Kaimini.Web.Features.Invitations.Emails;
using Kaimini.Web.Features.MunicipalityIdeas.Emails;
using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Kaimini.Tests.Features.Email;

/// <summary>Every message renders from its views in both languages: a subject, an HTML and a
/// plain-text body, the greeting, the link, no placeholder left over, and what people typed
/// encoded in the HTML part but written as it is in the text part.</summary>
public class EmailViewsTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    // What a person could type into a title, a name or a message.
    private const string Typed = "<b>Ozoli</b> & „Kļavas” 'x'";
    private const string Link = "http://kaimini.test/link?a=1&b=2";
    private static readonly EventFacts Event = new(new LocalText($"Talka {Typed}", null), TimeProvider.System.GetUtcNow().AddDays(14), $"Olaine {Typed}");

    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Samples.Keys)
        {
            data.Add(name, Cultures.Latvian);
            data.Add(name, Cultures.English);
        }

        return data;
    }

    private static readonly Dictionary<string, (EmailModel Model, bool HasLink)> Samples = new EmailModel[]
    {
        new ConfirmAddressEmail(Link),
        new PasswordResetEmail(Link),
        new AccountExistsEmail(Link),
        new RoleInvitationEmail(Roles.Organiser, Typed, DateTimeOffset.UtcNow.AddDays(14), Link),
        new CoLeaderInvitationEmail(Typed, Typed, DateTimeOffset.UtcNow.AddDays(14), Link),
        new EventInvitationEmail(Typed, Event, Link),
        new SignUpConfirmedEmail(Event, Link),
        new SignUpWaitlistedEmail(Event, Link),
        new SignUpPromotedEmail(Event, Link),
        new SignUpAgainEmail(Event, Link),
        new SignUpCancelledEmail(Event, Link),
        new EventReminderEmail(Event, Link),
        new EventChangedEmail(Event, Link),
        new EventCancelledEmail(Event, $"Notice {Typed}\nsecond line", Link),
        new OrganiserMessageEmail(Event, $"Subject {Typed}", $"Text {Typed}\nsecond line", Typed, Link),
        new CoOrganiserRequestEmail(Typed, Event, Typed, Link),
        new CommunityApprovedEmail(Typed, Link),
        new CommunityRejectedEmail(Typed, Typed, Link),
        new NewCommunityEmail(Typed, Link),
        new CommunityContactEmail(Typed, Typed, "iedzivotajs@kaimini.test", $"Message {Typed}\nsecond line"),
        new IdeaConfirmEmail(Typed, Link),
        new IdeaHiddenEmail(Typed, Typed),
        new IdeaAnswerEmail(Typed, IdeaResponse.InPlan, $"Reply {Typed}\nsecond line", ToAuthor: true, Link),
        new IdeaDigestEmail(Typed, [new DigestIdea(Typed, "Olaine", Link)], Link),
        new CooperationMessageEmail(Typed, Typed, Typed, $"Message {Typed}\nsecond line", Link, IsReply: false),
        new CooperationHiddenEmail(Typed, Typed, $"Reason {Typed}"),
        new WeeklyDigestEmail(
            DigestSection.Of([new DigestEventLine(new LocalText($"Talka {Typed}", null), Event.StartsAt, Event.StartsAt.AddHours(3), $"Olaine {Typed}", Link)], 10, Link),
            DigestSection.Of([new DigestNewsLine($"Ziņa {Typed}", Typed, Link), new DigestNewsLine("Otrā ziņa", Typed, Link)], 1, Link),
            DigestSection.Of([new DigestPostLine($"Lūgums {Typed}", CooperationDirection.Request, CooperationKind.Volunteers, Typed, Matched: true, Link)], 10, Link),
            DigestSection.Of([new DigestAnswerLine($"Ideja {Typed}", IdeaResponse.InPlan, Link)], 10, Link),
            Link, Link),
    }.ToDictionary(m => m.GetType().Name, m => (m, m is not CommunityContactEmail and not IdeaHiddenEmail and not CooperationHiddenEmail));

    [Fact]
    public void Every_message_type_has_a_sample_here()
    {
        var types = typeof(EmailModel).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(EmailModel)) && !t.IsAbstract).Select(t => t.Name);

        Assert.Empty(types.Except(Samples.Keys));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Renders_in_both_parts_with_greeting_link_and_encoded_input(string name, string culture)
    {
        var (model, hasLink) = Samples[name];

        var message = await ComposeAsync(new EmailRecipient("liga@kaimini.test", "Līga Bērziņa", culture), model);

        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        var text = message.TextBody;
        var html = message.HtmlBody;
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.False(string.IsNullOrWhiteSpace(html));
        Assert.Equal(culture, message.Body!.Headers[HeaderId.ContentLanguage]);
        foreach (var part in new[] { message.Subject, text, html })
        {
            Assert.DoesNotContain("{", part);
        }

        var greeting = culture == Cultures.Latvian ? "Labdien!" : "Hello Līga Bērziņa,";
        Assert.StartsWith(greeting + "\n\n", text);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(message.Subject, document.Title);
        Assert.Equal(greeting, document.QuerySelector("body > p")!.TextContent);
        Assert.EndsWith(culture == Cultures.Latvian ? "Kaimiņu portāla komanda\n" : "The Kaimiņi team\n", text);
        if (hasLink)
        {
            Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == Link);
            Assert.Matches(@"\S: " + System.Text.RegularExpressions.Regex.Escape(Link) + "\n", text);
        }

        // Typed text is text: encoded in HTML, as it is in the plain part (which has no entities).
        Assert.DoesNotContain("<b>", html);
        if (model is not ConfirmAddressEmail and not PasswordResetEmail and not AccountExistsEmail)
        {
            Assert.Contains("&lt;b&gt;Ozoli&lt;/b&gt; &amp; „Kļavas”", html);
            Assert.Contains(Typed, text);
        }

        Assert.DoesNotContain("&amp;", text);
        Assert.DoesNotContain("&#", text);
        Assert.DoesNotContain("\n\n\n", text);
    }

    [Fact]
    public async Task Non_essential_mail_ends_with_the_unsubscribe_link_in_both_parts()
    {
        var unsubscribe = "http://kaimini.test/unsubscribe/abc";

        var message = await ComposeAsync(new EmailRecipient("liga@kaimini.test", "", Cultures.Latvian), Samples[nameof(IdeaDigestEmail)].Model, unsubscribe);

        Assert.StartsWith("Labdien!\n\n", message.TextBody);
        Assert.EndsWith($"Kaimiņu portāla komanda\n\n-- \nAtteikties no šādām vēstulēm: {unsubscribe}\n", message.TextBody);
        var document = new HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Equal("Atteikties no šādām vēstulēm", document.QuerySelector($"a[href='{unsubscribe}']")!.TextContent);
    }

    [Fact]
    public async Task An_event_title_without_an_English_version_is_marked_Latvian_in_English_mail()
    {
        var model = new SignUpConfirmedEmail(new EventFacts(new LocalText("Dižkūre", null), DateTimeOffset.UtcNow, "Olaine"), Link);

        var message = await ComposeAsync(new EmailRecipient("liga@kaimini.test", "Līga", Cultures.English), model);

        Assert.Equal("Registration confirmed: Dižkūre", message.Subject);
        Assert.Contains("Your place at “<span lang=\"lv\">Dižkūre</span>” is confirmed.", message.HtmlBody);
        Assert.Contains("Your place at “Dižkūre” is confirmed.", message.TextBody);
    }

    private async Task<MimeMessage> ComposeAsync(EmailRecipient to, EmailModel model, string? unsubscribe = null)
    {
        MimeMessage? message = null;
        await app.WithScopeAsync(async s => message = await s.GetRequiredService<EmailComposer>().ComposeAsync(to, model, unsubscribe));
        return message!;
    }
}
