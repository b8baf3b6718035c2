using System.Net.Mail;
using Kaimini.Web.Domain;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.Shared;

/// <summary>Who runs the portal and how to reach them: the partnerships (the controllers of the
/// personal data) in the footer, the privacy notice and the accessibility statement. Anything left
/// empty is not shown.</summary>
public class ContactsOptions
{
    public const string Section = "Contacts";

    /// <summary>The partnerships running the portal, in the order shown.</summary>
    public List<PartnershipContact> Partnerships { get; set; } = [];

    /// <summary>Where accessibility barriers are reported; empty: to the partnerships' contacts.</summary>
    public string? AccessibilityEmail { get; set; }

    public bool IsValid(out string? error)
    {
        error = Partnerships.Count == 0
            ? $"{Section}:{nameof(Partnerships)} must list at least one partnership: the privacy notice names them as the controllers."
            : null;
        for (var i = 0; i < Partnerships.Count && error is null; i++)
        {
            error = Partnerships[i].Problem($"{Section}:{nameof(Partnerships)}:{i}");
        }

        if (error is null && !PartnershipContact.IsEmail(AccessibilityEmail))
        {
            error = $"{Section}:{nameof(AccessibilityEmail)} must be an e-mail address (or empty).";
        }

        return error is null;
    }
}

/// <summary>One partnership (an association) as the public may contact it.</summary>
public class PartnershipContact
{
    /// <summary>The association's name without quotes ("Pierīgas partnerība").</summary>
    public string Name { get; set; } = "";

    public string? Website { get; set; }
    public string? Email { get; set; }

    /// <summary>A Latvian number in any usual writing ("+371 67 000 000", "67000000").</summary>
    public string? Phone { get; set; }

    /// <summary>The legal address, one line.</summary>
    public string? Address { get; set; }

    /// <summary>The Register of Enterprises number (11 digits).</summary>
    public string? RegistrationNumber { get; set; }

    public Uri? WebsiteUri => string.IsNullOrWhiteSpace(Website) ? null : new Uri(Website.Trim());

    /// <summary>E.164 for <c>tel:</c> links; null when no phone is set.</summary>
    public string? PhoneE164 => Formats.NormalizePhone(Phone);

    public bool HasEmail => !string.IsNullOrWhiteSpace(Email);

    internal string? Problem(string key)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return $"{key}:{nameof(Name)} is required.";
        }

        if (!string.IsNullOrWhiteSpace(Website)
            && !(Uri.TryCreate(Website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return $"{key}:{nameof(Website)} must be an http(s) address (https://www.example.lv).";
        }

        if (!IsEmail(Email))
        {
            return $"{key}:{nameof(Email)} must be an e-mail address (or empty).";
        }

        if (!string.IsNullOrWhiteSpace(Phone) && PhoneE164 is null)
        {
            return $"{key}:{nameof(Phone)} must be a Latvian phone number (+371 and 8 digits) or empty.";
        }

        if (!string.IsNullOrWhiteSpace(RegistrationNumber) && Formats.NormalizeRegistrationNumber(RegistrationNumber) is null)
        {
            return $"{key}:{nameof(RegistrationNumber)} must be 11 digits starting with 4, 5 or 9 (or empty).";
        }

        return null;
    }

    internal static bool IsEmail(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.DisplayName.Length == 0;
}

/// <summary>Start-up fails with the key and the reason when a contact is malformed.</summary>
public sealed class ContactsOptionsValidator : IValidateOptions<ContactsOptions>
{
    public ValidateOptionsResult Validate(string? name, ContactsOptions options) =>
        options.IsValid(out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error!);
}
