using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Ideas;

/// <summary>The filters of the idea lists, all in the URL: /ideas?q=celins&amp;novads=olaines-novads&amp;sort=supported.</summary>
public class IdeasQuery
{
    public const int MaxQueryLength = 200;

    public string? Q { get; set; }

    /// <summary>Slug of a current novads.</summary>
    public string? Novads { get; set; }

    /// <summary>Slug of a theme.</summary>
    public string? Theme { get; set; }

    public IdeaAddressee? Addressee { get; set; }

    /// <summary>The municipality's answer; None: not answered yet.</summary>
    public IdeaResponse? Answer { get; set; }

    /// <summary>Slug of a forum.</summary>
    public string? Forum { get; set; }

    public IdeaKind? Kind { get; set; }

    /// <summary>true: only ideas carried out; false: only those not (yet).</summary>
    public bool? Implemented { get; set; }

    /// <summary>Organisers only: the status (public lists show published ideas).</summary>
    public IdeaStatus? Status { get; set; }

    /// <summary>"newest" (default) or "supported".</summary>
    public string? Sort { get; set; }

    public int? Page { get; set; }

    public bool HasFilters => !string.IsNullOrWhiteSpace(Q) || Novads is not null || Theme is not null || Addressee is not null
        || Answer is not null || Forum is not null || Kind is not null || Status is not null || Implemented is not null;

    public string? SearchText => string.IsNullOrWhiteSpace(Q) ? null : Q.Length > MaxQueryLength ? Q[..MaxQueryLength] : Q;
}
