using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;

namespace Kaimini.Web.Features.Ideas;

public sealed record IdeaCard(int Id, string Title, IdeaKind Kind, IdeaStatus Status, string Excerpt, string AuthorName, string Place,
    string? Theme, IdeaAddressee AddressedTo, IdeaResponse Response, int SupportCount, DateTimeOffset CreatedAt,
    string? ForumTitle, string? ForumSlug, string? GroupName)
{
    /// <summary>The day it was carried out, if it was.</summary>
    public DateOnly? ImplementedOn { get; init; }
}

public sealed record IdeaHistoryItem(DateTimeOffset At, IdeaHistoryKind Kind, IdeaResponse? Response, string? Text, string? ActorName,
    int? RelatedIdeaId, DateOnly? ImplementedOn = null, IdeaImplementer? ImplementedBy = null, string? ImplementedByName = null,
    bool ActorNameHidden = false);

/// <summary>An idea's implementation as its page shows it: the day, who, and the community (null
/// name when it has left the directory).</summary>
public sealed record IdeaImplementation(DateOnly On, IdeaImplementer By, string? CommunityName, string? CommunitySlug);

public sealed record IdeaDetails(int Id, string Title, string Body, IdeaKind Kind, IdeaStatus Status, string AuthorName, int TerritoryId,
    string Place, string? Theme, IdeaAddressee AddressedTo, IdeaResponse Response, int SupportCount, DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt, int? EventId, string? ForumTitle, string? ForumSlug, int? ForumGroupId, string? GroupName,
    string? HiddenReason, int? MergedIntoId, bool SupportedByMe, IReadOnlyList<IdeaHistoryItem> History)
{
    /// <summary>The person looking is its author (signed in).</summary>
    public bool IsMine { get; init; }

    public IdeaSource Source { get; init; }

    /// <summary>Written on paper at a forum and entered by its organiser.</summary>
    public bool EnteredFromPaper { get; init; }

    public IdeaImplementation? Implemented { get; init; }

    /// <summary>The institution that answers it: the municipality of its territory's novads
    /// („Olaines novada pašvaldība”); null for a territory outside every novads.</summary>
    public string? Municipality { get; init; }

    /// <summary>The last "implemented" entry of the history (its note and who marked it).</summary>
    public IdeaHistoryItem? ImplementedEntry => Implemented is null ? null : History.LastOrDefault(h => h.Kind == IdeaHistoryKind.Implemented);

    /// <summary>The latest answer of the municipality, shown highlighted.</summary>
    public IdeaHistoryItem? Answer => History.LastOrDefault(h => h.Kind == IdeaHistoryKind.Answered);
}

/// <summary>A forum that takes ideas, with its thematic groups (names in the current language).</summary>
public sealed record ForumOption(int Id, string Slug, string Title, DateTimeOffset StartsAt, IReadOnlyList<(int Id, string Name)> Groups);

public sealed record IdeaListViewModel(IdeasQuery Query, PagedList<IdeaCard> Results, ReferenceData Reference, IReadOnlyList<ForumOption> Forums);

public sealed record IdeaPageViewModel(IdeaDetails Idea, int? MergedFrom, bool IsAuthenticated, bool CanModerate, bool CanAnswer, bool CanImplement);

public sealed record IdeaFormViewModel(IdeaForm Form, bool Anonymous, ReferenceData Reference, IReadOnlyList<ForumOption> Forums);
