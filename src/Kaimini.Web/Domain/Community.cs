using System.Diagnostics.CodeAnalysis;

namespace Kaimini.Web.Domain;

/// <summary>A community or NGO of the network: an association, a foundation or an informal group of
/// residents. Published communities form the public directory.</summary>
public class Community
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public LegalForm LegalForm { get; set; }
    public required string ShortDescription { get; set; }

    /// <summary>Markdown; rendered through the sanitiser.</summary>
    public string? Description { get; set; }

    /// <summary>Optional English texts; the English interface falls back to the Latvian ones.
    /// The name is the same in both languages.</summary>
    public string? ShortDescriptionEn { get; set; }

    public string? DescriptionEn { get; set; }

    public int TerritoryId { get; set; }
    public Territory? Territory { get; set; }

    // The territory's current novads, former novads and town or parish, copied on every save so
    // that the directory filters on indexed columns of this table alone.
    public int NovadsId { get; set; }
    public int? FormerNovadsId { get; set; }
    public int? ParishId { get; set; }

    public int? FoundedYear { get; set; }
    public string? Website { get; set; }
    public string? PublicEmail { get; set; }

    /// <summary>E.164 (+37129123456).</summary>
    public string? Phone { get; set; }

    /// <summary>Street and house; the place, parish and novads come from the territory.</summary>
    public string? Street { get; set; }

    /// <summary>LV-dddd.</summary>
    public string? PostalCode { get; set; }

    /// <summary>Where its leaders put it on the map (optional; <see cref="GeoPoint"/>). Without it the
    /// map shows the community at its place's point.</summary>
    public decimal? Latitude { get; set; }

    public decimal? Longitude { get; set; }

    public List<string> SocialLinks { get; set; } = [];

    /// <summary>11 digits, for associations and foundations.</summary>
    public string? RegistrationNumber { get; set; }

    public CommunityStatus Status { get; set; } = CommunityStatus.Pending;
    public string? RejectionReason { get; set; }
    public bool Verified { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Name, descriptions and place names folded to lowercase ASCII: what search matches.</summary>
    public string SearchDocument { get; set; } = "";

    public ICollection<Theme> Themes { get; } = [];
    public ICollection<CommunityMembership> Memberships { get; } = [];

    /// <summary>Rebuilds what search matches from the name, the descriptions (English ones too) and every name of the
    /// place (village, parish, novads, former novads). Call after any of them changes.</summary>
    public void RefreshSearchDocument(IEnumerable<string> placeNames)
    {
        // The English texts come last: when the whole is cut to length, they go before the place names.
        var text = string.Join(' ', new[] { Name, ShortDescription, Description ?? "" }.Concat(placeNames)
            .Concat([ShortDescriptionEn ?? "", DescriptionEn ?? ""]));
        var folded = SearchText.Fold(text);
        SearchDocument = folded.Length > 12_000 ? folded[..12_000] : folded;
    }

    /// <summary>Publishes the community in the directory (from any status: a moderator may also
    /// take back a rejection). <paramref name="verify"/> marks it verified; a verified community
    /// stays so. The first publication's date is kept.</summary>
    public void Approve(bool verify, DateTimeOffset now)
    {
        Status = CommunityStatus.Published;
        Verified = verify || Verified;
        RejectionReason = null;
        PublishedAt ??= now;
        UpdatedAt = now;
    }

    /// <summary>Refuses the community, with the reason its leaders are sent.</summary>
    [MemberNotNull(nameof(RejectionReason))]
    public void Reject(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = CommunityStatus.Rejected;
        RejectionReason = reason.Trim();
        UpdatedAt = now;
    }

    /// <summary>Copies the territory's novads, former novads and parish (call after changing it).</summary>
    public void PlaceIn(Territory territory)
    {
        Territory = territory;
        TerritoryId = territory.Id;
        NovadsId = territory.Kind == TerritoryKind.Novads ? territory.Id : territory.NovadsId!.Value;
        FormerNovadsId = territory.FormerNovadsId;
        ParishId = territory.Kind switch
        {
            TerritoryKind.Pagasts or TerritoryKind.Pilseta => territory.Id,
            TerritoryKind.Ciems => territory.ParentId,
            _ => null,
        };
    }
}
