using Kaimini.Tests.Infrastructure;

namespace Kaimini.Tests.Features.About;

/// <summary>The notices follow the settings: other retention periods and the partnerships' contacts.</summary>
public class ConfiguredNoticeTests(ConfiguredNoticeTests.App app) : IClassFixture<ConfiguredNoticeTests.App>
{
    [Theory]
    [InlineData("lv", "21 mēnesi", "3 dienas", "45 dienas")]
    [InlineData("en", "21 months", "3 days", "45 days")]
    public async Task The_privacy_notice_states_the_configured_retention_periods(string culture, string registrations, string bodies, string failed)
    {
        using var client = app.CreatePageClient(culture);
        var notice = await client.GetAsync("/privatums");

        Assert.Equal([registrations], notice.QuerySelectorAll("[data-setting='Privacy:KeepRegistrationsMonths']").Select(e => e.TextContent));
        Assert.Equal([bodies], notice.QuerySelectorAll("[data-setting='Outbox:KeepSentBodyDays']").Select(e => e.TextContent));
        Assert.Equal([failed], notice.QuerySelectorAll("[data-setting='Outbox:KeepFailedDays']").Select(e => e.TextContent));
        Assert.DoesNotContain(culture == "lv" ? "12 mēnešus" : "12 months", notice.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Configured_contacts_appear_in_the_footer_the_privacy_notice_and_the_accessibility_statement()
    {
        using var client = app.CreatePageClient("lv");

        var footer = (await client.GetAsync("/")).QuerySelector("footer address")!;
        Assert.Equal("birojs@pieriga.test", footer.QuerySelector("a[href='mailto:birojs@pieriga.test']")!.TextContent);
        Assert.Equal("+371 67 000 123", footer.QuerySelector("a[href='tel:+37167000123']")!.TextContent);
        Assert.NotNull(footer.QuerySelector("a[href='mailto:info@daugavkrasts.test']"));
        // The footer stays short: the legal details are on the privacy notice.
        Assert.DoesNotContain("40008000001", footer.TextContent);

        var controllers = (await client.GetAsync("/privatums")).QuerySelector("main li[data-partnership='Pierīgas partnerība']")!;
        Assert.Contains("Reģistrācijas numurs: 40008000001", controllers.TextContent);
        Assert.Contains("Adrese: Skolas iela 1, Piņķi, LV-2107", controllers.TextContent);
        Assert.NotNull(controllers.QuerySelector("a[href='mailto:birojs@pieriga.test']"));

        var statement = (await client.GetAsync("/pieejamiba")).QuerySelector("main")!;
        Assert.Equal("mailto:pieejamiba@kaimini.test", statement.QuerySelector("a[data-contact='accessibility']")!.GetAttribute("href"));
        Assert.DoesNotContain("vēl nav norādīta", statement.TextContent);
    }

    public sealed class App : KaiminiApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Privacy:KeepRegistrationsMonths"] = "21",
            ["Outbox:KeepSentBodyDays"] = "3",
            ["Outbox:KeepFailedDays"] = "45",
            ["Contacts:Partnerships:0:Email"] = "birojs@pieriga.test",
            ["Contacts:Partnerships:0:Phone"] = "67 000 123",
            ["Contacts:Partnerships:0:Address"] = "Skolas iela 1, Piņķi, LV-2107",
            ["Contacts:Partnerships:0:RegistrationNumber"] = "40008000001",
            ["Contacts:Partnerships:1:Email"] = "info@daugavkrasts.test",
            ["Contacts:AccessibilityEmail"] = "pieejamiba@kaimini.test",
        };
    }
}
