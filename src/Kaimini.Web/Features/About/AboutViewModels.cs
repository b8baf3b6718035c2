using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.About;

/// <summary>The figures the privacy notice states, each taken from the setting or code that decides it.</summary>
public sealed record PrivacyNoticeViewModel(
    IReadOnlyList<PartnershipContact> Partnerships,
    int KeepRegistrationsMonths,
    int KeepSentBodyDays,
    int KeepFailedDays,
    SessionLimits Session,
    IReadOnlyList<PortalCookie> Cookies,
    int LogFileDays,
    TimeSpan RateLimitWindow,
    int SmallCellThreshold,
    DateOnly Updated);

public sealed record AccessibilityStatementViewModel(
    IReadOnlyList<PartnershipContact> Partnerships,
    string? AccessibilityEmail,
    DateOnly Reviewed)
{
    /// <summary>Some way to write or call is configured (otherwise the statement says so).</summary>
    public bool HasDirectContact => !string.IsNullOrWhiteSpace(AccessibilityEmail) || Partnerships.Any(p => p.HasEmail || p.PhoneE164 is not null);
}

/// <summary>Durations as the notices write them, in the accusative Latvian needs after "glabājam"
/// ("12 mēnešus", "1 dienu"): the largest whole unit of years, days, hours or minutes.</summary>
public static class NoticeText
{
    public static string Duration(IStringLocalizer t, TimeSpan span) => span switch
    {
        { TotalDays: >= 365 } when span.TotalDays % 365 == 0 => t.Count("About.Duration.Years", (long)(span.TotalDays / 365)),
        { TotalDays: >= 1 } when span.TotalDays % 1 == 0 => Days(t, (long)span.TotalDays),
        { TotalHours: >= 1 } when span.TotalHours % 1 == 0 => t.Count("About.Duration.Hours", (long)span.TotalHours),
        _ => t.Count("About.Duration.Minutes", (long)Math.Ceiling(span.TotalMinutes)),
    };

    public static string Days(IStringLocalizer t, long days) => t.Count("About.Duration.Days", days);

    public static string Months(IStringLocalizer t, long months) => t.Count("About.Duration.Months", months);

    /// <summary>„A”, „B” un „C” / “A”, “B” and “C”.</summary>
    public static string Organisations(IStringLocalizer t, IReadOnlyList<PartnershipContact> partnerships)
    {
        var names = partnerships.Select(p => ContactList.Organisation(t, p.Name)).ToList();
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} {t["About.And"]} {names[^1]}";
    }
}
