using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Shared;

/// <summary>The partnerships' contacts as a list; <see cref="Full"/> adds the registration number and address.</summary>
public sealed record ContactList(IReadOnlyList<PartnershipContact> Partnerships, bool Full)
{
    /// <summary>„Pierīgas partnerība” / “Pierīgas partnerība”.</summary>
    public static string Organisation(IStringLocalizer t, string name) => t["About.OrganisationName", name];
}
