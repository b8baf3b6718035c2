using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>An event as organisers enter it: times in Riga's local time.</summary>
public class EventForm
{
    [Display(Name = "Field.EventTitle")]
    [Required]
    [StringLength(200)]
    public string? Title { get; set; }

    /// <summary>Optional; the English interface shows <see cref="Title"/> without it.</summary>
    [Display(Name = "Field.EventTitleEn")]
    [StringLength(200)]
    public string? TitleEn { get; set; }

    [Display(Name = "Field.EventKind")]
    public EventKind Kind { get; set; } = EventKind.Forum;

    [Display(Name = "Field.Description")]
    [StringLength(10_000)]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [Display(Name = "Field.DescriptionEn")]
    [StringLength(10_000)]
    [DataType(DataType.MultilineText)]
    public string? DescriptionEn { get; set; }

    [Display(Name = "Field.StartsAt")]
    [Required]
    [Range(typeof(DateTime), "2000-01-01", "2100-12-31", ParseLimitsInInvariantCulture = true, ErrorMessage = "Validation.DateRange")]
    public DateTime? StartsAt { get; set; }

    [Display(Name = "Field.EndsAt")]
    [Required]
    [Range(typeof(DateTime), "2000-01-01", "2100-12-31", ParseLimitsInInvariantCulture = true, ErrorMessage = "Validation.DateRange")]
    public DateTime? EndsAt { get; set; }

    [Display(Name = "Field.Venue")]
    [Required]
    [StringLength(200)]
    public string? Venue { get; set; }

    [Display(Name = "Field.Address")]
    [StringLength(300)]
    public string? Address { get; set; }

    [Display(Name = "Field.Territory")]
    [Required(ErrorMessage = "Validation.Choose")]
    public int? TerritoryId { get; set; }

    [Display(Name = "Field.EventTheme")]
    public int? ThemeId { get; set; }

    [Display(Name = "Partnership.PierigasPartneriba")]
    public bool PierigasPartneriba { get; set; }

    [Display(Name = "Partnership.PartneribaDaugavkrasts")]
    public bool PartneribaDaugavkrasts { get; set; }

    /// <summary>Co-organising communities already chosen (and, for leaders, their own to tick).</summary>
    public List<int> CommunityIds { get; set; } = [];

    [Display(Name = "Field.AddCommunity")]
    [StringLength(200)]
    public string? AddCommunity { get; set; }

    [Display(Name = "Field.Audience")]
    public EventAudience Audience { get; set; } = EventAudience.Public;

    [Display(Name = "Field.Capacity")]
    [Range(1, 100_000)]
    public int? Capacity { get; set; }

    [Display(Name = "Field.NgoQuota")]
    [Range(0, 100_000)]
    public int? NgoQuota { get; set; }

    [Display(Name = "Field.MunicipalityQuota")]
    [Range(0, 100_000)]
    public int? MunicipalityQuota { get; set; }

    [Display(Name = "Field.RegistrationOpensAt")]
    [Range(typeof(DateTime), "2000-01-01", "2100-12-31", ParseLimitsInInvariantCulture = true, ErrorMessage = "Validation.DateRange")]
    public DateTime? RegistrationOpensAt { get; set; }

    [Display(Name = "Field.RegistrationClosesAt")]
    [Range(typeof(DateTime), "2000-01-01", "2100-12-31", ParseLimitsInInvariantCulture = true, ErrorMessage = "Validation.DateRange")]
    public DateTime? RegistrationClosesAt { get; set; }

    [Display(Name = "Field.ReminderHoursBefore")]
    [Range(1, 336)]
    public int? ReminderHoursBefore { get; set; } = 48;

    public List<AgendaRow> Agenda { get; set; } = [];

    public List<GroupRow> Groups { get; set; } = [];

    [Display(Name = "Field.Publish")]
    public bool Publish { get; set; }

    public Partnerships Partnerships =>
        (PierigasPartneriba ? Partnerships.PierigasPartneriba : Partnerships.None)
        | (PartneribaDaugavkrasts ? Partnerships.PartneribaDaugavkrasts : Partnerships.None);
}

public class AgendaRow
{
    [Display(Name = "Field.AgendaTime")]
    [StringLength(40)]
    public string? Time { get; set; }

    [Display(Name = "Field.AgendaTitle")]
    [StringLength(300)]
    public string? Title { get; set; }
}

public class GroupRow
{
    public int? Id { get; set; }

    [Display(Name = "Field.GroupNameLv")]
    [StringLength(150)]
    public string? NameLv { get; set; }

    [Display(Name = "Field.GroupNameEn")]
    [StringLength(150)]
    public string? NameEn { get; set; }
}

public class CancelEventForm
{
    [Display(Name = "Field.CancellationNotice")]
    [Required]
    [StringLength(2000)]
    public string? Notice { get; set; }
}

public class OutcomeForm
{
    [Display(Name = "Field.OutcomeSummary")]
    [Required]
    [StringLength(10_000)]
    public string? Summary { get; set; }

    [Display(Name = "Field.OutcomeDecisions")]
    [StringLength(10_000)]
    public string? Decisions { get; set; }

    [Display(Name = "Field.HeadCount")]
    [Range(0, 100_000)]
    public int? HeadCount { get; set; }
}

public class ParticipantMessageForm
{
    [Display(Name = "Field.MessageSubject")]
    [Required]
    [StringLength(150)]
    public string? Subject { get; set; }

    [Display(Name = "Field.MessageText")]
    [Required]
    [StringLength(5000)]
    public string? Text { get; set; }

    [Display(Name = "Field.IncludeWaitlisted")]
    public bool IncludeWaitlisted { get; set; }
}

public class EventInviteForm
{
    /// <summary>Every leader of these communities is invited.</summary>
    [Display(Name = "Field.InviteCommunities")]
    [StringLength(5000)]
    public string? Communities { get; set; }

    [Display(Name = "Field.InviteEmails")]
    [StringLength(100_000)]
    public string? Emails { get; set; }

    [Display(Name = "Field.InviteAllLeaders")]
    public bool AllLeaders { get; set; }

    /// <summary>The kept places (NGO or municipality) those invited may take; none: free places only.</summary>
    [Display(Name = "Field.InviteQuota")]
    public ParticipantType? Quota { get; set; }
}

/// <summary>The organiser's tools for one event; a forum's (<paramref name="Kind"/> given) include its paper ideas.</summary>
public sealed record EventToolsModel(string Slug, EventStatus Status, EventKind? Kind = null);
