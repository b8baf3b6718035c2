using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>The board's filters, all in the URL: /cooperation?kind=Volunteers&amp;novads=olaines-novads&amp;q=talka.</summary>
public class CooperationQuery
{
    public const int MaxQueryLength = 200;

    public string? Q { get; set; }

    public CooperationKind? Kind { get; set; }

    public CooperationDirection? Direction { get; set; }

    /// <summary>Slug of a theme.</summary>
    public string? Theme { get; set; }

    /// <summary>Slug of a current novads.</summary>
    public string? Novads { get; set; }

    /// <summary>Slug of a former novads.</summary>
    public string? Former { get; set; }

    /// <summary>Slug of a pagasts or pilsēta.</summary>
    public string? Place { get; set; }

    /// <summary>true: the posts that found a match instead of the open ones.</summary>
    public bool? Matched { get; set; }

    public int? Page { get; set; }

    public bool HasFilters => !string.IsNullOrWhiteSpace(Q) || Kind is not null || Direction is not null || Theme is not null
        || Novads is not null || Former is not null || Place is not null || Matched is not null;

    public string? SearchText => string.IsNullOrWhiteSpace(Q) ? null : Q.Length > MaxQueryLength ? Q[..MaxQueryLength] : Q;
}
