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
}
