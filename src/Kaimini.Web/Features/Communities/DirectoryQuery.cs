using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Communities;

/// <summary>The directory's filters, all in the URL: /communities?q=kekava&amp;former=bijusais-baldones-novads&amp;page=2.</summary>
public class DirectoryQuery
{
    public const int MaxQueryLength = 200;

    public string? Q { get; set; }

    /// <summary>Slug of a current novads.</summary>
    public string? Novads { get; set; }

    /// <summary>Slug of a former novads.</summary>
    public string? Former { get; set; }

    /// <summary>Slug of a pagasts or pilsēta.</summary>
    public string? Place { get; set; }

    /// <summary>Slug of a theme.</summary>
    public string? Theme { get; set; }

    public LegalForm? Form { get; set; }

    /// <summary>"name", "newest" or empty (relevance when searching, else name).</summary>
    public string? Sort { get; set; }

    public int? Page { get; set; }

    public bool HasFilters => !string.IsNullOrWhiteSpace(Q) || Novads is not null || Former is not null
        || Place is not null || Theme is not null || Form is not null;

    /// <summary>A typed query of any length is only text: cut to a sane length before use.</summary>
    public string? SearchText => string.IsNullOrWhiteSpace(Q) ? null : Q.Length > MaxQueryLength ? Q[..MaxQueryLength] : Q;
}
