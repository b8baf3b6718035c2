using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;

namespace Kaimini.Web.Domain;

/// <summary>Whether a community offers something or asks for it.</summary>
public enum CooperationDirection
{
    Offer = 1,
    Request = 2,
}

/// <summary>What a cooperation post is about.</summary>
public enum CooperationKind
{
    Volunteers = 1,
    SpaceOrEquipment = 2,
    SkillsOrTalk = 3,
    ProjectPartner = 4,
    EventPartner = 5,
    Other = 6,
}

public enum CooperationStatus
{
    /// <summary>Listed until its valid-until day has passed.</summary>
    Open = 1,

    /// <summary>Its poster found what it sought (optionally with another community of the directory).</summary>
    Matched = 2,

    /// <summary>Withdrawn by its poster.</summary>
    Closed = 3,

    /// <summary>Hidden by an organiser, with a reason.</summary>
    Hidden = 4,
}

/// <summary>An offer or a request a community posts on the cooperation board.</summary>
public class CooperationPost
{
    public const int TitleMax = 200;
    public const int BodyMax = 5000;

    /// <summary>A new post is valid for this many days unless its poster says otherwise.</summary>
    public const int DefaultValidDays = 60;

    /// <summary>How far ahead a post may be valid.</summary>
    public const int MaxValidDays = 365;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public CooperationDirection Direction { get; set; }
    public CooperationKind Kind { get; set; }
    public int? ThemeId { get; set; }

    public int TerritoryId { get; set; }

    // The territory's current novads, former novads and town or parish, copied on save like a
    // community's, so that each list filter is an indexed column of this table.
    public int NovadsId { get; set; }
    public int? FormerNovadsId { get; set; }
    public int? ParishId { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown; rendered through the sanitiser.</summary>
    public required string Body { get; set; }

    /// <summary>The last day (in Riga) on which the post is listed.</summary>
    public DateOnly ValidUntil { get; set; }

    public CooperationStatus Status { get; private set; } = CooperationStatus.Open;

    /// <summary>The community it matched with, when the poster named one.</summary>
    public int? MatchedCommunityId { get; private set; }

    public DateTimeOffset? MatchedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? HiddenReason { get; private set; }
    public DateTimeOffset? HiddenAt { get; private set; }

    /// <summary>The leader who wrote it; null once the account is deleted.</summary>
    public string? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Title, text and place names folded for search (no diacritics, lowercase).</summary>
    public string SearchDocument { get; set; } = "";

    /// <summary>Listed and answerable on <paramref name="today"/>: open, and its day not past.</summary>
    public bool IsOpen(DateOnly today) => Status == CooperationStatus.Open && ValidUntil >= today;

    /// <summary><see cref="IsOpen"/> for queries: a post past its day closes by itself.</summary>
    public static Expression<Func<CooperationPost, bool>> OpenOn(DateOnly today) =>
        p => p.Status == CooperationStatus.Open && p.ValidUntil >= today;

    /// <summary>Whether the public sees its page (matched, closed and expired posts stay readable; hidden ones do not).</summary>
    public bool IsPublic => Status != CooperationStatus.Hidden;

    public static DateOnly DefaultValidUntil(DateOnly today) => today.AddDays(DefaultValidDays);

    /// <summary>A valid-until day must come after today and at most <see cref="MaxValidDays"/> ahead;
    /// null when it does, else the resource key of what is wrong.</summary>
    public static string? CheckValidUntil(DateOnly validUntil, DateOnly today) =>
        validUntil <= today ? "Cooperation.ValidUntilPast"
        : validUntil > today.AddDays(MaxValidDays) ? "Cooperation.ValidUntilTooFar"
        : null;

    /// <summary>Its poster may still edit, match or close it: it is open (an expired post may
    /// still be marked matched or closed, and edited to a later day).</summary>
    public bool CanBeChanged => Status == CooperationStatus.Open;

    /// <summary>Marks the post matched, optionally with another community (never its own).</summary>
    public void Match(int? withCommunityId, DateTimeOffset now)
    {
        if (!CanBeChanged)
        {
            throw new InvalidOperationException($"A {Status} post cannot be matched.");
        }

        if (withCommunityId == CommunityId)
        {
            throw new InvalidOperationException("A post cannot match its own community.");
        }

        Status = CooperationStatus.Matched;
        MatchedCommunityId = withCommunityId;
        MatchedAt = now;
        UpdatedAt = now;
    }

    public void Close(DateTimeOffset now)
    {
        if (!CanBeChanged)
        {
            throw new InvalidOperationException($"A {Status} post cannot be closed.");
        }

        Status = CooperationStatus.Closed;
        ClosedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Hides the post from everyone but organisers, with the reason its leaders are sent.</summary>
    [MemberNotNull(nameof(HiddenReason))]
    public void Hide(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status == CooperationStatus.Hidden)
        {
            throw new InvalidOperationException("The post is hidden already.");
        }

        Status = CooperationStatus.Hidden;
        HiddenReason = reason.Trim();
        HiddenAt = now;
        UpdatedAt = now;
    }

    /// <summary>Copies the territory's novads, former novads and parish (call after changing it).</summary>
    public void PlaceIn(Territory territory)
    {
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

    /// <summary>Title, text and every name of the place, folded, at most 6,000 characters.</summary>
    public static string SearchDocumentFor(string title, string body, IEnumerable<string> placeNames)
    {
        var folded = SearchText.Fold(string.Join(' ', new[] { title, body }.Concat(placeNames)));
        return folded.Length > 6000 ? folded[..6000] : folded;
    }
}

/// <summary>Someone's message to the community that posted (an answer), or a leader's reply to it
/// (<see cref="ReplyToId"/>), relayed by e-mail so that neither side sees the other's address.</summary>
public class CooperationAnswer
{
    public Guid Id { get; set; }
    public int PostId { get; set; }

    /// <summary>The answer this one replies to (a leader writing back to whoever answered).</summary>
    public Guid? ReplyToId { get; set; }

    /// <summary>Null once the account is deleted.</summary>
    public string? SenderId { get; set; }

    public required string SenderName { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A signed-in person's report that a post breaks the rules; organisers resolve it.</summary>
public class CooperationReport
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public CooperationPost? Post { get; set; }
    public string? ReporterId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }

    public bool IsOpen => ResolvedAt is null;
}
