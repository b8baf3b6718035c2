namespace Kaimini.Web.Features.News;

/// <summary>The news list's filters, by slug, from the query string.</summary>
public sealed record NewsFilter
{
    public string? Community { get; init; }
    public string? Novads { get; init; }
    public string? Former { get; init; }

    /// <summary>A town or parish.</summary>
    public string? Place { get; init; }

    public string? Theme { get; init; }

    public bool Any => Community is not null || Novads is not null || Former is not null || Place is not null || Theme is not null;
}
