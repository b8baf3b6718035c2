using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Shared;
using Microsoft.AspNetCore.Html;

namespace Kaimini.Web.Features.Cooperation;

/// <param name="Point">For the map: the community's own point, or its place's.</param>
public sealed record CooperationCard(int Id, string Title, string Excerpt, CooperationDirection Direction, CooperationKind Kind,
    CooperationStatus Status, string CommunityName, string CommunitySlug, string Place, string? Theme, DateOnly ValidUntil, GeoPoint? Point = null);

public sealed record CooperationListViewModel(CooperationQuery Query, PagedList<CooperationCard> Results, ReferenceData Reference, bool CanPost);

/// <summary>A post's page: what everyone sees, and what this person may do with it.</summary>
public sealed record CooperationPostViewModel(int Id, string Title, IHtmlContent Body, CooperationDirection Direction, CooperationKind Kind,
    CooperationStatus Status, bool IsOpen, string CommunityName, string CommunitySlug, string CommunityPlace, string Place, string? Theme,
    DateOnly ValidUntil, DateTimeOffset CreatedAt, CommunityChoice? MatchedWith, string? HiddenReason)
{
    /// <summary>Its community's leaders (and organisers): edit, match, close.</summary>
    public bool CanManage { get; init; }

    /// <summary>A leader of the matched community, or of the poster's, may start a co-organised event.</summary>
    public bool CanStartEvent { get; init; }

    public bool SignedIn { get; init; }

    public AnswerForm Answer { get; init; } = new();
    public MatchForm Match { get; init; } = new();
    public ReportForm Report { get; init; } = new();

    /// <summary>The answers its leaders may read, newest first.</summary>
    public IReadOnlyList<AnswerRow> Answers { get; init; } = [];
}

public sealed record AnswerRow(Guid Id, string SenderName, DateTimeOffset CreatedAt, int Replies);

public sealed record CooperationFormViewModel(CooperationPostForm Form, int? Id, IReadOnlyList<CommunityChoice> Communities, ReferenceData Reference);

/// <summary>An answer with the replies to it, for the poster's leaders.</summary>
public sealed record ConversationViewModel(int PostId, string PostTitle, Guid AnswerId, string SenderName, string Message, DateTimeOffset CreatedAt,
    IReadOnlyList<(string SenderName, string Message, DateTimeOffset At)> Replies, AnswerForm Reply);

public class AnswerForm
{
    [Display(Name = "Cooperation.Message")]
    [Required]
    [StringLength(CooperationPost.BodyMax, MinimumLength = 10)]
    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }
}

public class MatchForm
{
    /// <summary>The community it matched with: its name as in the directory, or its page's address.</summary>
    [Display(Name = "Cooperation.MatchedWith")]
    [StringLength(300)]
    public string? Community { get; set; }
}

public class ReportForm
{
    [Display(Name = "Cooperation.ReportReason")]
    [Required]
    [StringLength(1000, MinimumLength = 10)]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }
}

public class HideForm
{
    [Display(Name = "Cooperation.HideReason")]
    [Required]
    [StringLength(1000, MinimumLength = 10)]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }
}

public sealed record ReportedPostRow(int PostId, string Title, string CommunityName, CooperationStatus Status,
    IReadOnlyList<(string Reason, DateTimeOffset At)> Reports);
