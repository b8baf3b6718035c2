namespace Kaimini.Web.Domain;

/// <summary>A community leader's or active resident's public face: shown only with explicit,
/// withdrawable consent, recorded with its time and the wording agreed to. Contacts are never
/// shown; people reach leaders through their community's contact form.</summary>
public class LeaderProfile
{
    /// <summary>The wording of the consent checkbox; a new wording needs a new version.</summary>
    public const string ConsentVersion = "leader-profile-v1";

    public required string UserId { get; set; }
    public AppUser? User { get; set; }

    public string? Bio { get; set; }
    public int? TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public ICollection<Theme> Interests { get; } = [];

    public bool IsPublic { get; set; }
    public DateTimeOffset? ConsentGivenAt { get; set; }
    public string? ConsentGivenVersion { get; set; }
    public DateTimeOffset? ConsentWithdrawnAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Folded name, bio and place, for search.</summary>
    public string SearchDocument { get; set; } = "";

    /// <summary>Rebuilds what search matches from the person's name, the bio and every name of the
    /// place. Call after any of them changes.</summary>
    public void RefreshSearchDocument(string displayName, IEnumerable<string> placeNames) =>
        SearchDocument = SearchText.Fold(string.Join(' ', new[] { displayName, Bio ?? "" }.Concat(placeNames)));

    public void SetConsent(bool consent, DateTimeOffset now)
    {
        if (consent && !IsPublic)
        {
            IsPublic = true;
            ConsentGivenAt = now;
            ConsentGivenVersion = ConsentVersion;
            ConsentWithdrawnAt = null;
        }
        else if (!consent && IsPublic)
        {
            IsPublic = false;
            ConsentWithdrawnAt = now;
        }
    }
}
