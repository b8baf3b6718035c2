using Kaimini.Web.Features.Privacy;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Logging;
using Kaimini.Web.Infrastructure.Privacy;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.About;

/// <summary>The privacy notice and the accessibility statement, linked from the footer. Their text
/// is a Razor partial per language; every figure in it comes from the setting or code that decides
/// it, so the notice stays true when a setting changes.</summary>
public class AboutController(IOptions<ContactsOptions> contacts, IOptions<PrivacyOptions> privacy, IOptions<OutboxOptions> outbox,
    IOptions<RateLimitOptions> limits, PortalCookies cookies) : Controller
{
    /// <summary>When the privacy notice's text last changed: move it on with every change to the partials.</summary>
    public static readonly DateOnly PrivacyNoticeUpdated = new(2026, 11, 30);

    /// <summary>When the accessibility statement was last reviewed against the portal: move it on with every review.</summary>
    public static readonly DateOnly AccessibilityStatementReviewed = new(2026, 11, 30);

    [HttpGet("/privatums")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public IActionResult Privacy()
    {
        var l = limits.Value;
        return View(new PrivacyNoticeViewModel(
            contacts.Value.Partnerships,
            privacy.Value.KeepRegistrationsMonths,
            outbox.Value.KeepSentBodyDays,
            outbox.Value.KeepFailedDays,
            cookies.Session(),
            cookies.All(),
            LoggingExtensions.FileDays,
            TimeSpan.FromSeconds(Math.Max(l.FormWindowSeconds, l.ContactWindowSeconds)),
            Reports.SmallCells.Threshold,
            PrivacyNoticeUpdated));
    }

    [HttpGet("/pieejamiba")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public IActionResult Accessibility() =>
        View(new AccessibilityStatementViewModel(contacts.Value.Partnerships, contacts.Value.AccessibilityEmail?.Trim(), AccessibilityStatementReviewed));
}
