using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Html;

namespace Kaimini.Web.Features.Communities;

public sealed record CommunityPageViewModel(
    int Id,
    int TerritoryId,
    string Slug,
    string Name,
    LegalForm LegalForm,
    CommunityStatus Status,
    string? RejectionReason,
    bool Verified,
    LocalText ShortDescription,
    IHtmlContent Description,
    string Place,
    string? TerritorySlug,
    string? Address,
    IReadOnlyList<string> Themes,
    int? FoundedYear,
    string? Website,
    string? Phone,
    IReadOnlyList<string> SocialLinks,
    string? RegistrationNumber,
    IReadOnlyList<(string Name, MembershipRole Role)> People,
    bool CanEdit,
    bool CanBeContacted,
    ContactForm Contact,
    bool IsLeader = false)
{
    /// <summary>Its coming events and the latest ideas about its place (on the community's page only).</summary>
    public Shared.WhatsOnHere? WhatsOn { get; init; }
}
