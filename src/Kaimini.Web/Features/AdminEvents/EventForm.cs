using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;

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

    /// <summary>The venue's point on the map (optional), typed or set by clicking the map; text, so
    /// that either decimal mark is read (<see cref="GeoPoint.Read"/>).</summary>
    [Display(Name = "Field.Latitude")]
    [StringLength(20)]
    public string? Latitude { get; set; }

    [Display(Name = "Field.Longitude")]
    [StringLength(20)]
    public string? Longitude { get; set; }

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

    /// <summary>The event as its form shows it, times in Riga's local time.</summary>
    public static EventForm From(Event ev) => new()
    {
        Title = ev.Title,
        TitleEn = ev.TitleEn,
        Kind = ev.Kind,
        Description = ev.Description,
        DescriptionEn = ev.DescriptionEn,
        StartsAt = ev.StartsAt.ToRiga().DateTime,
        EndsAt = ev.EndsAt.ToRiga().DateTime,
        Venue = ev.Venue,
        Address = ev.Address,
        Latitude = GeoPoint.Of(ev.Latitude, ev.Longitude)?.LatitudeText,
        Longitude = GeoPoint.Of(ev.Latitude, ev.Longitude)?.LongitudeText,
        TerritoryId = ev.TerritoryId,
        ThemeId = ev.ThemeId,
        PierigasPartneriba = ev.OrganisingPartnerships.HasFlag(Partnerships.PierigasPartneriba),
        PartneribaDaugavkrasts = ev.OrganisingPartnerships.HasFlag(Partnerships.PartneribaDaugavkrasts),
        CommunityIds = [.. ev.Communities.Select(c => c.Id)],
        Audience = ev.Audience,
        Capacity = ev.Capacity,
        NgoQuota = ev.NgoQuota,
        MunicipalityQuota = ev.MunicipalityQuota,
        RegistrationOpensAt = ev.RegistrationOpensAt?.ToRiga().DateTime,
        RegistrationClosesAt = ev.RegistrationClosesAt?.ToRiga().DateTime,
        ReminderHoursBefore = ev.ReminderHoursBefore,
        Agenda = [.. ev.Agenda.OrderBy(a => a.Position).Select(a => new AgendaRow { Time = a.Time, Title = a.Title })],
        Groups = [.. ev.Groups.OrderBy(g => g.Position).Select(g => new GroupRow { Id = g.Id, NameLv = g.NameLv, NameEn = g.NameEn })],
        Publish = ev.Status != EventStatus.Draft,
    };

    /// <summary>The rules that need neither the database nor the user, in the order they are shown:
    /// dates in order, a known place and theme, quotas within the capacity, complete agenda and group
    /// rows. <paramref name="groupIds"/> are the groups the event has (none for a new one).</summary>
    public IEnumerable<FormError> Validate(ReferenceData reference, IReadOnlyCollection<int> groupIds)
    {
        if (StartsAt is { } s && EndsAt is { } e && Event.ScheduleProblem(RigaTime.FromRiga(s), RigaTime.FromRiga(e)) is { } schedule)
        {
            yield return new(nameof(EndsAt), schedule);
        }

        var closesAt = RegistrationClosesAt ?? StartsAt;
        if (RegistrationClosesAt is { } c && StartsAt is { } s2 && c > s2)
        {
            yield return new(nameof(RegistrationClosesAt), "Event.Error.ClosesAfterStart");
        }

        if (RegistrationOpensAt is { } o && closesAt is { } closes && o >= closes)
        {
            yield return new(nameof(RegistrationOpensAt), "Event.Error.OpensAfterCloses");
        }

        if (GeoPoint.Read(Latitude, Longitude, out _) is { } pointProblem)
        {
            yield return new(nameof(Latitude), $"Validation.GeoPoint.{pointProblem}");
        }

        if (TerritoryId is { } tid && !reference.IsPlace(tid))
        {
            yield return new(nameof(TerritoryId), "Community.Error.Territory");
        }

        if (ThemeId is { } theme && !reference.ThemeById.ContainsKey(theme))
        {
            yield return new(nameof(ThemeId), "Event.Error.UnknownTheme");
        }

        if (Capacity is { } capacity && (NgoQuota ?? 0) + (MunicipalityQuota ?? 0) > capacity)
        {
            yield return new(nameof(NgoQuota), "Event.Error.QuotasAboveCapacity");
        }

        for (var i = 0; i < Agenda.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Agenda[i].Title) && !string.IsNullOrWhiteSpace(Agenda[i].Time))
            {
                yield return new($"Agenda[{i}].Title", "Event.Error.AgendaTitle");
            }
        }

        for (var i = 0; i < Groups.Count; i++)
        {
            var g = Groups[i];
            if (string.IsNullOrWhiteSpace(g.NameLv) != string.IsNullOrWhiteSpace(g.NameEn))
            {
                yield return new($"Groups[{i}].{(string.IsNullOrWhiteSpace(g.NameLv) ? "NameLv" : "NameEn")}", "Event.Error.GroupNames");
            }

            if (g.Id is { } gid && !groupIds.Contains(gid))
            {
                yield return new($"Groups[{i}].NameLv", "Event.Error.UnknownGroup");
            }
        }
    }

    /// <summary>Copies the form onto the event: its fields, the co-organisers that join at once
    /// (<paramref name="communities"/>), the agenda (replaced) and a forum's groups (kept by id).</summary>
    public void ApplyTo(Event ev, IReadOnlyList<Community> communities, DateTimeOffset now)
    {
        ev.Title = Title!.Trim();
        ev.TitleEn = Trimmed(TitleEn);
        ev.Kind = Kind;
        ev.Description = Trimmed(Description);
        ev.DescriptionEn = Trimmed(DescriptionEn);
        ev.Schedule(RigaTime.FromRiga(StartsAt!.Value), RigaTime.FromRiga(EndsAt!.Value));
        ev.Venue = Venue!.Trim();
        ev.Address = Trimmed(Address);
        GeoPoint.Read(Latitude, Longitude, out var point);
        (ev.Latitude, ev.Longitude) = (point?.Latitude, point?.Longitude);
        ev.TerritoryId = TerritoryId!.Value;
        ev.ThemeId = ThemeId;
        ev.OrganisingPartnerships = Partnerships;
        ev.Audience = Audience;
        ev.Capacity = Capacity;
        ev.NgoQuota = NgoQuota is > 0 ? NgoQuota : null;
        ev.MunicipalityQuota = MunicipalityQuota is > 0 ? MunicipalityQuota : null;
        ev.RegistrationOpensAt = RegistrationOpensAt is { } opens ? RigaTime.FromRiga(opens) : null;
        ev.RegistrationClosesAt = RegistrationClosesAt is { } closes ? RigaTime.FromRiga(closes) : null;
        ev.ReminderHoursBefore = ReminderHoursBefore;
        ev.UpdatedAt = now;

        foreach (var gone in ev.Communities.Where(c => communities.All(x => x.Id != c.Id)).ToList())
        {
            ev.Communities.Remove(gone);
        }

        foreach (var added in communities.Where(c => ev.Communities.All(x => x.Id != c.Id)))
        {
            ev.Communities.Add(added);
        }

        ev.Agenda.Clear();
        var position = 0;
        foreach (var row in Agenda.Where(a => !string.IsNullOrWhiteSpace(a.Title)))
        {
            ev.Agenda.Add(new AgendaItem { Position = ++position, Time = Trimmed(row.Time), Title = row.Title!.Trim() });
        }

        ApplyGroupsTo(ev);
    }

    /// <summary>Groups keep their ids (ideas point at them); an emptied row removes its group.</summary>
    private void ApplyGroupsTo(Event ev)
    {
        var rows = Kind == EventKind.Forum ? Groups.Where(g => !string.IsNullOrWhiteSpace(g.NameLv)).ToList() : [];
        foreach (var gone in ev.Groups.Where(g => rows.All(r => r.Id != g.Id)).ToList())
        {
            ev.Groups.Remove(gone);
        }

        var position = 0;
        foreach (var row in rows)
        {
            var group = row.Id is { } id ? ev.Groups.Single(g => g.Id == id) : null;
            if (group is null)
            {
                group = new ForumGroup { NameLv = "", NameEn = "" };
                ev.Groups.Add(group);
            }

            group.NameLv = row.NameLv!.Trim();
            group.NameEn = row.NameEn!.Trim();
            group.Position = ++position;
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A rule a form breaks: the field (under the form) and the message's key.</summary>
public sealed record FormError(string Field, string Key);

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
