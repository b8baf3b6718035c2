namespace Kaimini.Web.Features.OpenData;

/// <summary>The public fields of a published community, as open data. No e-mail addresses and no
/// people: those stay in the portal.</summary>
public sealed record OpenCommunity(
    string Name,
    string Url,
    string LegalForm,
    string? RegistrationNumber,
    string Territory,
    string? Parish,
    string Novads,
    string? FormerNovads,
    string Themes,
    int? FoundedYear,
    string? Website,
    string? Phone,
    string? Street,
    string? PostalCode,
    bool Verified,
    string ShortDescription,
    DateTimeOffset? PublishedAt);
