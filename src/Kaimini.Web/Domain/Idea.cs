using System.Diagnostics.CodeAnalysis;

namespace Kaimini.Web.Domain;

public enum IdeaKind
{
    /// <summary>ideja</summary>
    Idea = 1,

    /// <summary>vajadzība</summary>
    Need = 2,
}

/// <summary>Who could carry the idea out.</summary>
public enum IdeaAddressee
{
    Residents = 1,
    Ngos = 2,
    Municipality = 3,
}

public enum IdeaStatus
{
    /// <summary>Submitted without an account; waits for the e-mail confirmation.</summary>
    Unconfirmed = 1,

    Published = 2,

    /// <summary>Hidden by an organiser, with a reason.</summary>
    Hidden = 3,

    /// <summary>A duplicate, merged into another idea.</summary>
    Merged = 4,
}

/// <summary>The municipality's answer to an idea addressed to it. Whether an idea was carried out
/// is not an answer but <see cref="Idea.ImplementedOn"/>; answering <see cref="Done"/> marks it
/// implemented by the municipality as well.</summary>
public enum IdeaResponse
{
    None = 0,
    UnderReview = 1,
    Accepted = 2,
    InProgress = 3,
    Done = 4,
    Declined = 5,

    /// <summary>Included in a plan (the budget, an investment or development plan).</summary>
    InPlan = 6,

    /// <summary>Not the municipality's to decide: forwarded to another body (a state institution, a company).</summary>
    Forwarded = 7,
}

/// <summary>Where an idea was collected. Fixed when it is submitted: linking it to a forum later
/// does not change it.</summary>
public enum IdeaSource
{
    /// <summary>Submitted on the portal on its own.</summary>
    Portal = 1,

    /// <summary>Collected at a forum: submitted to one of its groups, or written on paper there and
    /// entered afterwards by its organisers (<see cref="Idea.EnteredById"/>).</summary>
    Forum = 2,
}

/// <summary>The municipality's list shows unanswered ideas first, then those still open (under
/// review, accepted, in the plan, in progress), then the closed ones: carried out, declined, or
/// forwarded to another body.</summary>
public enum IdeaAnswerStage
{
    Unanswered = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>Who carried an implemented idea out.</summary>
public enum IdeaImplementer
{
    Municipality = 1,

    /// <summary>A community from the directory (<see cref="Idea.ImplementedByCommunityId"/>).</summary>
    Community = 2,

    Residents = 3,
}

/// <summary>An idea or a need submitted to a forum's thematic group or to a territory.</summary>
public class Idea
{
    /// <summary>The author name of a paper idea whose organiser typed none: shown as "forum
    /// participant" in the reader's language.</summary>
    public const string UnnamedForumParticipant = "";

    /// <summary>Title and text folded for search (no diacritics, lowercase), at most 6,000 characters.</summary>
    public static string SearchDocumentFor(string title, string body)
    {
        var folded = SearchText.Fold($"{title} {body}");
        return folded.Length > 6000 ? folded[..6000] : folded;
    }

    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public IdeaKind Kind { get; set; } = IdeaKind.Idea;
    public int? ThemeId { get; set; }
    public int TerritoryId { get; set; }

    /// <summary>The forum the idea was gathered at or linked to by its organiser.</summary>
    public int? EventId { get; set; }

    public Event? Event { get; set; }
    public int? ForumGroupId { get; set; }
    public IdeaAddressee AddressedTo { get; set; }

    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }

    /// <summary>Lowercased; where confirmation and answers go. Never shown. None for ideas written on
    /// paper at a forum: nobody is mailed about them.</summary>
    public string? AuthorEmail { get; set; }

    public IdeaSource Source { get; set; } = IdeaSource.Portal;

    /// <summary>The author can be written to: there is an address (paper ideas have none) and it is
    /// not one left by a deleted account.</summary>
    public bool AuthorCanBeMailed => !string.IsNullOrEmpty(AuthorEmail) && !DeletedPerson.IsAddress(AuthorEmail);

    /// <summary>The organiser who entered an idea collected on paper at a forum.</summary>
    public string? EnteredById { get; set; }

    public string Culture { get; set; } = "lv";
    public IdeaStatus Status { get; set; }

    /// <summary>SHA-256 of the confirmation token, while the idea is unconfirmed.</summary>
    public string? ConfirmTokenHash { get; set; }

    public string? HiddenReason { get; set; }
    public int? MergedIntoId { get; set; }
    public IdeaResponse Response { get; set; }

    /// <summary>Where the municipality's answer stands, kept by PostgreSQL from <see cref="Response"/>
    /// and <see cref="ImplementedOn"/> (a stored generated column, <c>IdeaConfiguration</c>), so the
    /// municipality's list reads its order from an index.</summary>
    public IdeaAnswerStage AnswerStage { get; private set; }

    /// <summary>The day (in Riga) the idea was carried out; null while it is not.</summary>
    public DateOnly? ImplementedOn { get; private set; }

    public IdeaImplementer? ImplementedBy { get; private set; }

    /// <summary>The community that carried it out, when <see cref="ImplementedBy"/> is a community.
    /// The only link between an idea and a community.</summary>
    public int? ImplementedByCommunityId { get; private set; }

    public bool IsImplemented => ImplementedOn is not null;

    /// <summary>Kept in step with the supports table by the statement that adds a support.</summary>
    public int SupportCount { get; set; }

    /// <summary>Title and text folded (lowercase, no diacritics) for search.</summary>
    public string SearchDocument { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ICollection<IdeaSupport> Supports { get; } = [];
    public ICollection<IdeaHistoryEntry> History { get; } = [];

    /// <summary>A published idea, or one still waiting for its e-mail confirmation, can be hidden.</summary>
    public bool CanBeHidden => Status is IdeaStatus.Published or IdeaStatus.Unconfirmed;

    /// <summary>Hides the idea with the reason its author is told.</summary>
    [MemberNotNull(nameof(HiddenReason))]
    public void Hide(string reason, DateTimeOffset now)
    {
        if (!CanBeHidden)
        {
            throw new InvalidOperationException($"Idea {Id} is {Status}: it cannot be hidden.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = IdeaStatus.Hidden;
        HiddenReason = reason.Trim();
        UpdatedAt = now;
    }

    public bool CanBeRestored => Status == IdeaStatus.Hidden;

    /// <summary>Publishes a hidden idea again; one hidden before it was confirmed is published now,
    /// and its confirmation link stops working.</summary>
    public void Restore(DateTimeOffset now)
    {
        if (!CanBeRestored)
        {
            throw new InvalidOperationException($"Idea {Id} is {Status}: only a hidden idea can be restored.");
        }

        Status = IdeaStatus.Published;
        HiddenReason = null;
        ConfirmTokenHash = null;
        PublishedAt ??= now;
        UpdatedAt = now;
    }

    /// <summary>The shortest reason for declining an idea: a decline owes the residents a real reason, not "ok".</summary>
    public const int MinimumDeclineReasonLength = 20;

    /// <summary>Only published ideas addressed to the municipality are answered.</summary>
    public bool CanBeAnswered => Status == IdeaStatus.Published && AddressedTo == IdeaAddressee.Municipality;

    /// <summary>What is wrong with an answer, or <see cref="AnswerProblem.None"/>: a status must be
    /// chosen; declining needs a reason, forwarding says where to.</summary>
    public static AnswerProblem CheckAnswer(IdeaResponse? response, string? reply) => response switch
    {
        null or IdeaResponse.None => AnswerProblem.NoStatus,
        { } r when !Enum.IsDefined(r) => AnswerProblem.NoStatus,
        IdeaResponse.Declined when (reply?.Trim().Length ?? 0) < MinimumDeclineReasonLength => AnswerProblem.ReasonRequired,
        IdeaResponse.Forwarded when string.IsNullOrWhiteSpace(reply) => AnswerProblem.ForwardedToRequired,
        _ => AnswerProblem.None,
    };

    /// <summary>Records the municipality's answer. Whether "done" also marks the idea implemented is
    /// <see cref="AnswerMarksImplemented"/>.</summary>
    public void Answer(IdeaResponse response, string? reply, DateTimeOffset now)
    {
        if (!CanBeAnswered)
        {
            throw new InvalidOperationException($"Idea {Id} is {Status}, addressed to {AddressedTo}: the municipality does not answer it.");
        }

        if (CheckAnswer(response, reply) is var problem and not AnswerProblem.None)
        {
            throw new ArgumentException($"The answer is incomplete: {problem}.", nameof(response));
        }

        Response = response;
        UpdatedAt = now;
    }

    /// <summary>Answering "done" marks the idea implemented by the municipality, unless it is marked already.</summary>
    public bool AnswerMarksImplemented(IdeaResponse response) => response == IdeaResponse.Done && !IsImplemented;

    /// <summary>What is wrong with <paramref name="on"/> as the day the idea was carried out, or
    /// <see cref="ImplementedOnProblem.None"/>: not after <paramref name="today"/>, not before the day it
    /// was <paramref name="submitted"/> (both days in Riga).</summary>
    public static ImplementedOnProblem CheckImplementedOn(DateOnly on, DateOnly submitted, DateOnly today) =>
        on > today ? ImplementedOnProblem.InFuture
        : on < submitted ? ImplementedOnProblem.BeforeIdea
        : ImplementedOnProblem.None;

    /// <summary>Marks the idea carried out: a community is named exactly when a community did it.</summary>
    public void MarkImplemented(DateOnly on, IdeaImplementer by, int? communityId)
    {
        if ((by == IdeaImplementer.Community) != (communityId is not null))
        {
            throw new ArgumentException("A community is named when, and only when, a community implemented the idea.", nameof(communityId));
        }

        ImplementedOn = on;
        ImplementedBy = by;
        ImplementedByCommunityId = communityId;
    }

    /// <summary>Takes a mistaken mark back.</summary>
    public void ClearImplemented()
    {
        ImplementedOn = null;
        ImplementedBy = null;
        ImplementedByCommunityId = null;
    }
}

/// <summary>Why an answer cannot be given as it stands (<see cref="Idea.CheckAnswer"/>).</summary>
public enum AnswerProblem
{
    None,
    NoStatus,
    ReasonRequired,
    ForwardedToRequired,
}

/// <summary>Why a day cannot be the day an idea was carried out (<see cref="Idea.CheckImplementedOn"/>).</summary>
public enum ImplementedOnProblem
{
    None,
    InFuture,
    BeforeIdea,
}

/// <summary>One person's support of an idea; a person supports an idea once.</summary>
public class IdeaSupport
{
    public long Id { get; set; }
    public int IdeaId { get; set; }

    /// <summary>Null once the supporter deleted their account (the support still counts).</summary>
    public string? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum IdeaHistoryKind
{
    Submitted = 1,
    Published = 2,
    Hidden = 3,
    Restored = 4,
    Merged = 5,
    LinkedToForum = 6,
    Answered = 7,

    /// <summary>Marked implemented (the day and who did it are on the entry).</summary>
    Implemented = 8,

    /// <summary>A mistaken "implemented" mark taken back.</summary>
    ImplementedUndone = 9,

    /// <summary>Written on paper at a forum and entered by one of its organisers.</summary>
    Entered = 10,
}

/// <summary>What happened to an idea, in order: shown publicly on the idea's page.</summary>
public class IdeaHistoryEntry
{
    public long Id { get; set; }
    public int IdeaId { get; set; }
    public DateTimeOffset At { get; set; }
    public IdeaHistoryKind Kind { get; set; }

    /// <summary>For <see cref="IdeaHistoryKind.Answered"/>: the status given.</summary>
    public IdeaResponse? Response { get; set; }

    /// <summary>The public reply, the reason for hiding, or a note.</summary>
    public string? Text { get; set; }

    public string? ActorId { get; set; }

    /// <summary>Who acted, as shown publicly (kept when the account is deleted).</summary>
    public string? ActorName { get; set; }

    /// <summary>For <see cref="IdeaHistoryKind.Answered"/>: the employee chose to sign as the
    /// municipality only, so <see cref="ActorName"/> is not shown. Answers given before the
    /// institution signed them showed the name, and still do.</summary>
    public bool ActorNameHidden { get; set; }

    /// <summary>For merges: the other idea.</summary>
    public int? RelatedIdeaId { get; set; }

    /// <summary>For <see cref="IdeaHistoryKind.Implemented"/>: the day it was carried out.</summary>
    public DateOnly? ImplementedOn { get; set; }

    /// <summary>For <see cref="IdeaHistoryKind.Implemented"/>: who carried it out.</summary>
    public IdeaImplementer? ImplementedBy { get; set; }

    /// <summary>For <see cref="IdeaHistoryKind.Implemented"/> by a community: its name then (kept
    /// when it is renamed or leaves the directory).</summary>
    public string? ImplementedByName { get; set; }
}
