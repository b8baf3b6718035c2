using Microsoft.AspNetCore.Identity;

namespace Kaimini.Web.Domain;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>"lv" or "en": the language of the e-mails this person receives.</summary>
    public string PreferredCulture { get; set; } = "lv";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Municipality staff: the current novads they work for; their reports open on it.
    /// Set by an administrator at /reports/settings.</summary>
    public int? NovadsId { get; set; }

    /// <summary>Wants the weekly digest of what they follow and of answers to their ideas. Off until
    /// they tick it at /account/profile; the digest's one-click unsubscribe turns it off.</summary>
    public bool WeeklyDigest { get; set; }
}
