using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Reports;

/// <summary>One registration as reports see it: who (<see cref="Person"/>), where they live, which
/// event, whether they came.</summary>
public sealed class RegistrationRow
{
    /// <summary>The person, as unique people are counted.</summary>
    public required string Person { get; init; }

    public int EventId { get; init; }
    public EventKind Kind { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public int VenueId { get; init; }
    public int? HomeId { get; init; }
    public int? CommunityId { get; init; }
    public RegistrationStatus Status { get; init; }
    public bool Attended { get; init; }

    /// <summary>Came without signing up, added at the door: an attendance, not a registration.</summary>
    public bool WalkIn { get; init; }
    public ParticipantClass Class { get; init; }

    /// <summary>Calendar days the event spans (a two-day Dižkūre: 2), counted from its length.</summary>
    public double Days { get; init; }
}

/// <summary>The raw figures of one period, before the small-cell rule; <paramref name="Note"/> says
/// what the value rests on or why there is none.</summary>
public sealed record RawFigure(double? Value, long? PeopleBase = null, FigureNote? Note = null);

/// <summary>A short text under a figure: a resource key and its arguments.</summary>
public sealed record FigureNote(string Key, params object[] Args);

/// <summary>The population a per-1,000 figure is divided by: the year used, the total of the units in
/// scope, and where it comes from.</summary>
public sealed record PopulationBase(int Year, long Total, string Sources, bool Illustrative);

/// <summary>Computes the indicators in PostgreSQL: each figure is one aggregate statement (COUNT,
/// COUNT DISTINCT, SUM, GROUP BY, percentile_cont), a fixed number per page whatever the data.</summary>
public class ReportQueries(AppDbContext db)
{
    /// <summary>Every registration for events held in the window that the event filters keep, walk-ins
    /// included. THE one place that says who a person is: the keyed people hash every registration
    /// gets at sign-up (the HMAC of the normalised address, which anonymisation keeps; random for a
    /// walk-in), so counts of people do not change when names and addresses go.</summary>
    public IQueryable<RegistrationRow> RegistrationRows(ReportScope s, Window w)
    {
        var rows = db.EventRegistrations.AsNoTracking()
            .Where(r => (r.Event!.Status == EventStatus.Published || r.Event.Status == EventStatus.Completed)
                && r.Event.StartsAt >= w.From && r.Event.StartsAt < w.To && r.Event.StartsAt < s.Now);
        if (s.Kind is { } kind)
        {
            rows = rows.Where(r => r.Event!.Kind == kind);
        }

        if (s.Theme is { } theme)
        {
            rows = rows.Where(r => r.Event!.ThemeId == theme.Id);
        }

        var projected = rows.Select(r => new RegistrationRow
        {
            Person = r.PersonHash,
            EventId = r.EventId,
            Kind = r.Event!.Kind,
            StartsAt = r.Event.StartsAt,
            VenueId = r.Event.TerritoryId,
            HomeId = r.TerritoryId,
            CommunityId = r.CommunityId,
            Status = r.Status,
            Attended = r.CheckedInAt != null,
            WalkIn = r.WalkIn,
            Class = r.ParticipantType == ParticipantType.MunicipalityStaff ? ParticipantClass.MunicipalityStaff
                : r.UserId != null && db.CommunityMemberships.Any(m => m.UserId == r.UserId && m.IsLeader) ? ParticipantClass.Leader
                : r.ParticipantType == ParticipantType.NgoRepresentative ? ParticipantClass.NgoRepresentative
                : r.ParticipantType == ParticipantType.Other ? ParticipantClass.Other
                : ParticipantClass.Resident,
            Days = Math.Ceiling((r.Event.EndsAt - r.Event.StartsAt).TotalHours / 24),
        });
        return s.Participant is { } participant ? projected.Where(r => r.Class == participant) : projected;
    }

    /// <summary>Confirmed registrations marked at the door, and walk-ins.</summary>
    public IQueryable<RegistrationRow> Attendances(ReportScope s, Window w) =>
        RegistrationRows(s, w).Where(r => r.Status == RegistrationStatus.Confirmed && r.Attended);

    private IQueryable<RegistrationRow> ByHome(IQueryable<RegistrationRow> rows, ReportScope s) =>
        s.TerritoryIds is { } ids ? rows.Where(r => r.HomeId != null && ids.Contains(r.HomeId.Value)) : rows;

    private IQueryable<RegistrationRow> ByVenue(IQueryable<RegistrationRow> rows, ReportScope s) =>
        s.TerritoryIds is { } ids ? rows.Where(r => ids.Contains(r.VenueId)) : rows;

    /// <summary>Published or completed events that started in the window (and before now), by venue.</summary>
    public IQueryable<Event> HeldEvents(ReportScope s, Window w)
    {
        var events = db.Events.AsNoTracking()
            .Where(e => (e.Status == EventStatus.Published || e.Status == EventStatus.Completed) && e.StartsAt >= w.From && e.StartsAt < w.To && e.StartsAt < s.Now);
        if (s.Kind is { } kind)
        {
            events = events.Where(e => e.Kind == kind);
        }

        if (s.Theme is { } theme)
        {
            events = events.Where(e => e.ThemeId == theme.Id);
        }

        return s.TerritoryIds is { } ids ? events.Where(e => ids.Contains(e.TerritoryId)) : events;
    }

    /// <summary>Published communities in the directory, by their place and theme.</summary>
    public IQueryable<Community> Communities(ReportScope s)
    {
        var communities = db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Published);
        if (s.TerritoryIds is { } ids)
        {
            communities = communities.Where(c => ids.Contains(c.TerritoryId));
        }

        return s.Theme is { } theme ? communities.Where(c => c.Themes.Any(t => t.Id == theme.Id)) : communities;
    }

    /// <summary>Published ideas submitted in the window, by the place they concern, their theme and
    /// (with an event kind chosen) the kind of event they were gathered at.</summary>
    public IQueryable<Idea> IdeasCollected(ReportScope s, Window w)
    {
        var ideas = db.Ideas.AsNoTracking().Where(i => i.Status == IdeaStatus.Published && i.CreatedAt >= w.From && i.CreatedAt < w.To);
        if (s.TerritoryIds is { } ids)
        {
            ideas = ideas.Where(i => ids.Contains(i.TerritoryId));
        }

        if (s.Theme is { } theme)
        {
            ideas = ideas.Where(i => i.ThemeId == theme.Id);
        }

        return s.Kind is { } kind ? ideas.Where(i => i.Event != null && i.Event.Kind == kind) : ideas;
    }

    /// <summary>Published ideas carried out on a day of the window, whenever they were collected, by
    /// the place they concern, their theme and (with an event kind chosen) the kind of event they
    /// were gathered at.</summary>
    public IQueryable<Idea> IdeasImplementedIn(ReportScope s, Window w)
    {
        var ideas = db.Ideas.AsNoTracking()
            .Where(i => i.Status == IdeaStatus.Published && i.ImplementedOn >= w.FirstDay && i.ImplementedOn <= w.LastDay);
        if (s.TerritoryIds is { } ids)
        {
            ideas = ideas.Where(i => ids.Contains(i.TerritoryId));
        }

        if (s.Theme is { } theme)
        {
            ideas = ideas.Where(i => i.ThemeId == theme.Id);
        }

        return s.Kind is { } kind ? ideas.Where(i => i.Event != null && i.Event.Kind == kind) : ideas;
    }

    /// <summary>The headline figures of the window, one entry per indicator.</summary>
    public async Task<Dictionary<Indicator, RawFigure>> FiguresAsync(ReportScope s, Window w, CancellationToken ct)
    {
        var f = new Dictionary<Indicator, RawFigure>();
        var yearBefore = w.To.AddYears(-1);

        // Aim 1.
        var communities = Communities(s).Where(c => c.PublishedAt < w.To);
        f[Indicators.Communities] = new(await communities.CountAsync(ct));
        f[Indicators.NewCommunities] = new(await communities.CountAsync(c => c.PublishedAt >= w.From, ct));
        // Ideas link to a community only through who carried them out (ImplementedByCommunityId): an
        // idea submitted by a leader or gathered at a community's event names no community.
        var dayYearBefore = w.LastDay.AddDays(1).AddYears(-1);
        f[Indicators.ActiveCommunities] = new(await communities.CountAsync(c => (c.UpdatedAt >= yearBefore && c.UpdatedAt < w.To)
            || db.Events.Any(e => (e.Status == EventStatus.Published || e.Status == EventStatus.Completed)
                && e.StartsAt >= yearBefore && e.StartsAt < w.To && e.StartsAt < s.Now && e.Communities.Any(x => x.Id == c.Id))
            || db.Ideas.Any(i => i.ImplementedByCommunityId == c.Id && i.Status == IdeaStatus.Published
                && i.ImplementedOn >= dayYearBefore && i.ImplementedOn <= w.LastDay), ct));
        f[Indicators.LeadersListed] = new(await LeadersListed(s, w).CountAsync(ct));

        var allAttendances = Attendances(s, w);
        var reached = Communities(s).Where(c => allAttendances.Any(a => a.CommunityId == c.Id));
        f[Indicators.OrganisationsReached] = new(await reached.CountAsync(ct));
        var before = AttendancesBefore(w);
        f[Indicators.FirstTimeOrganisations] = new(await reached.CountAsync(c => !before.Any(a => a.CommunityId == c.Id), ct));
        f[Indicators.CooperationTies] = new(await Ties(s, w).CountAsync(ct));

        var attendances = ByHome(allAttendances, s);
        var training = attendances.Where(a => (a.Kind == EventKind.Retreat || a.Kind == EventKind.Workshop || a.Kind == EventKind.StudyTrip)
            && (a.Class == ParticipantClass.Leader || a.Class == ParticipantClass.NgoRepresentative));
        f[Indicators.LeadersTrained] = new(await training.Select(a => a.Person).Distinct().CountAsync(ct));
        f[Indicators.TrainingDays] = new(await training.SumAsync(a => a.Days, ct));

        // Aim 2.
        var held = HeldEvents(s, w);
        f[Indicators.EventsHeld] = new(await held.CountAsync(ct));
        // Registrations against attendance only where the organiser used check-in at all (marked
        // someone at the door or added a walk-in). Registrations are sign-ups made beforehand: a
        // walk-in is an attendance without one, so it is neither a registration nor a no-show.
        var checkedEvents = ByVenue(RegistrationRows(s, w), s).Where(r => r.Attended).Select(r => r.EventId).Distinct();
        var atCheckedEvents = ByVenue(RegistrationRows(s, w), s).Where(r => r.Status == RegistrationStatus.Confirmed && checkedEvents.Contains(r.EventId));
        var places = atCheckedEvents.Where(r => !r.WalkIn);
        var registered = await places.CountAsync(ct);
        var attended = await places.CountAsync(r => r.Attended, ct);
        f[Indicators.Registrations] = new(registered);
        f[Indicators.Attended] = new(attended);
        f[Indicators.NoShows] = new(registered - attended);
        f[Indicators.WalkIns] = new(await atCheckedEvents.CountAsync(r => r.WalkIn, ct));
        // The room holds walk-ins too.
        var capacity = await held.Where(e => e.Capacity != null && checkedEvents.Contains(e.Id)).SumAsync(e => e.Capacity!.Value, ct);
        var attendedWithCapacity = await atCheckedEvents.CountAsync(r => r.Attended && db.Events.Any(e => e.Id == r.EventId && e.Capacity != null), ct);
        f[Indicators.CapacityUsed] = new(capacity == 0 ? null : 100.0 * attendedWithCapacity / capacity, attendedWithCapacity);

        var people = attendances.Select(a => a.Person).Distinct();
        var unique = await people.CountAsync(ct);
        var everBefore = RegistrationRowsBefore(w);
        var returning = await people.CountAsync(p => everBefore.Contains(p), ct);
        f[Indicators.UniqueParticipants] = new(unique);
        f[Indicators.Attendances] = new(await attendances.CountAsync(ct));
        f[Indicators.NewParticipants] = new(unique - returning);
        f[Indicators.ReturningParticipants] = new(returning);
        f[Indicators.ParticipantsPer1000] = await PerThousandAsync(s, w, attendances, ct);

        var ideas = IdeasCollected(s, w);
        f[Indicators.IdeasCollected] = new(await ideas.CountAsync(ct));
        var supports = Supports(s, w);
        f[Indicators.Supports] = new(await supports.CountAsync(ct));
        f[Indicators.Supporters] = new(await supports.Where(x => x.UserId != null).Select(x => x.UserId).Distinct().CountAsync(ct));

        // Aim 3.
        f[Indicators.StaffTookPart] = new(await attendances.Where(a => a.Class == ParticipantClass.MunicipalityStaff)
            .Select(a => a.Person).Distinct().CountAsync(ct));
        var addressed = ideas.Where(i => i.AddressedTo == IdeaAddressee.Municipality);
        var toMunicipality = await addressed.CountAsync(ct);
        var answered = await addressed.CountAsync(i => i.Response != IdeaResponse.None, ct);
        f[Indicators.IdeasToMunicipality] = new(toMunicipality);
        f[Indicators.IdeasAnswered] = new(answered);
        f[Indicators.AnswerRate] = new(toMunicipality == 0 ? null : 100.0 * answered / toMunicipality);
        // The funnel: accepted or planned (or already carried out, whatever the answer says), then
        // carried out — by anyone: the municipality may hand an idea to a community or residents.
        f[Indicators.IdeasAccepted] = new(await addressed.CountAsync(i => i.Response == IdeaResponse.Accepted || i.Response == IdeaResponse.InPlan
            || i.Response == IdeaResponse.InProgress || i.Response == IdeaResponse.Done || i.ImplementedOn != null, ct));
        f[Indicators.IdeasImplemented] = new(await addressed.CountAsync(i => i.ImplementedOn != null, ct));
        f[Indicators.IdeasImplementedInPeriod] = new(await IdeasImplementedIn(s, w).CountAsync(ct));
        var timing = await AnswerTimingAsync(s, w, ct);
        f[Indicators.MedianDaysToAnswer] = new(timing.Median);
        f[Indicators.AnsweredWithin30Days] = new(timing.Answered == 0 ? null : 100.0 * timing.Within30 / timing.Answered);
        return f;
    }

    /// <summary>Unique participants living in the scope per 1,000 of its residents: only where every
    /// town and parish in scope has a population for the same year (the latest up to the period's
    /// end), otherwise no value and a note saying why.</summary>
    private async Task<RawFigure> PerThousandAsync(ReportScope s, Window w, IQueryable<RegistrationRow> attendances, CancellationToken ct)
    {
        if (await PopulationAsync(s, w.LastDay.Year, ct) is not { } population)
        {
            return new RawFigure(null, Note: new FigureNote("Reports.PerThousand.NoPopulation"));
        }

        // People whose home is one of the units counted (with no territory chosen: anyone with a home).
        var people = await (s.TerritoryIds is null ? attendances.Where(a => a.HomeId != null) : attendances)
            .Select(a => a.Person).Distinct().CountAsync(ct);
        return new RawFigure(1000.0 * people / population.Total, people, population.Illustrative
            ? new FigureNote("Reports.PerThousand.PopulationIllustrative", population.Total, population.Year)
            : new FigureNote("Reports.PerThousand.Population", population.Total, population.Year, population.Sources));
    }

    /// <summary>The population of the towns and parishes in scope (novadi and former novadi are the
    /// sums of theirs) in the latest year up to <paramref name="upToYear"/> that has a figure for every
    /// one of them; null when no year does.</summary>
    public async Task<PopulationBase?> PopulationAsync(ReportScope s, int upToYear, CancellationToken ct)
    {
        var units = db.Territories.Where(t => t.Kind == TerritoryKind.Pilseta || t.Kind == TerritoryKind.Pagasts);
        if (s.TerritoryIds is { } ids)
        {
            units = units.Where(t => ids.Contains(t.Id));
        }

        var row = await db.PopulationFigures.AsNoTracking()
            .Where(p => p.Year <= upToYear && units.Any(u => u.Id == p.TerritoryId))
            .GroupBy(p => p.Year)
            .Where(g => g.Count() == units.Count())
            .OrderByDescending(g => g.Key)
            .Select(g => new
            {
                Year = g.Key,
                Total = g.Sum(p => (long)p.Population),
                Sources = string.Join("; ", g.Select(p => p.Source).Distinct()),
                Illustrative = g.Any(p => p.Source == PopulationFigure.IllustrativeSource),
            })
            .FirstOrDefaultAsync(ct);
        return row is null || row.Total == 0 ? null : new PopulationBase(row.Year, row.Total, row.Sources, row.Illustrative);
    }

    /// <summary>Everyone who attended any event before the window, whatever the filters: what makes
    /// a participant "returning".</summary>
    private IQueryable<string> RegistrationRowsBefore(Window w) => AttendancesBefore(w).Select(a => a.Person);

    /// <summary>Every attendance at any event before the window, whatever the filters: what makes a
    /// participant returning and an organisation not new.</summary>
    private IQueryable<RegistrationRow> AttendancesBefore(Window w)
    {
        var open = new ReportScope(PeriodKind.Range, w, w, null, null, null, null, null, w.From);
        return Attendances(open, new Window(ReportScope.Earliest.AddYears(-100), w.FirstDay.AddDays(-1)));
    }

    private IQueryable<LeaderProfile> LeadersListed(ReportScope s, Window w)
    {
        // Listed at the end of the window: consent given before it and not withdrawn by then.
        var profiles = db.LeaderProfiles.AsNoTracking()
            .Where(p => p.ConsentGivenAt < w.To && (p.IsPublic || p.ConsentWithdrawnAt >= w.To));
        if (s.TerritoryIds is { } ids)
        {
            profiles = profiles.Where(p => p.TerritoryId != null && ids.Contains(p.TerritoryId.Value));
        }

        return s.Theme is { } theme ? profiles.Where(p => p.Interests.Any(t => t.Id == theme.Id)) : profiles;
    }

    private IQueryable<IdeaSupport> Supports(ReportScope s, Window w)
    {
        var ideas = db.Ideas.Where(i => i.Status == IdeaStatus.Published);
        if (s.TerritoryIds is { } ids)
        {
            ideas = ideas.Where(i => ids.Contains(i.TerritoryId));
        }

        if (s.Theme is { } theme)
        {
            ideas = ideas.Where(i => i.ThemeId == theme.Id);
        }

        return db.IdeaSupports.AsNoTracking().Where(x => x.CreatedAt >= w.From && x.CreatedAt < w.To && ideas.Any(i => i.Id == x.IdeaId));
    }

    /// <summary>Pairs of communities that co-organised at least one event held in the window (by
    /// venue), the lower id first, with how many events they shared.</summary>
    public IQueryable<Tie> Ties(ReportScope s, Window w)
    {
        var links = HeldEvents(s, w).SelectMany(e => e.Communities.Select(c => new { EventId = e.Id, CommunityId = c.Id }));
        return from a in links
               join b in links on a.EventId equals b.EventId
               where a.CommunityId < b.CommunityId
               group a by new { First = a.CommunityId, Second = b.CommunityId } into g
               select new Tie { First = g.Key.First, Second = g.Key.Second, Events = g.Count() };
    }

    public sealed record AnswerTiming(double? Median, long Within30, long Answered);

    /// <summary>Days from an idea's submission to the municipality's first answer, for the ideas
    /// addressed to it in the window: the median and how many within 30 days (percentile_cont has
    /// no LINQ form, so this is SQL, with the same filters as <see cref="IdeasCollected"/>).</summary>
    public async Task<AnswerTiming> AnswerTimingAsync(ReportScope s, Window w, CancellationToken ct)
    {
        var ids = s.TerritoryIds?.ToArray();
        var theme = s.Theme?.Id;
        var kind = s.Kind?.ToString();
        var rows = await db.Database.SqlQuery<AnswerTiming>($"""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS "Median",
                   count(*) FILTER (WHERE d <= 30) AS "Within30", count(*) AS "Answered"
            FROM (SELECT extract(epoch FROM min(h.at) - i.created_at) / 86400.0 AS d
                  FROM ideas i
                  JOIN idea_history h ON h.idea_id = i.id AND h.kind = 'Answered'
                  LEFT JOIN events e ON e.id = i.event_id
                  WHERE i.status = 'Published' AND i.addressed_to = 'Municipality'
                    AND i.created_at >= {w.From} AND i.created_at < {w.To}
                    AND ({ids}::integer[] IS NULL OR i.territory_id = ANY({ids}::integer[]))
                    AND ({theme}::integer IS NULL OR i.theme_id = {theme}::integer)
                    AND ({kind}::text IS NULL OR e.kind = {kind}::text)
                  GROUP BY i.id, i.created_at) x
            """).ToListAsync(ct);
        return rows.Single();
    }

    /// <summary>The public page's headline figures for the whole network (key null) and for each
    /// current novads: one grouped statement per figure, whatever the number of novadi.</summary>
    public async Task<Dictionary<int, Dictionary<Indicator, RawFigure>>> HeadlinesAsync(ReportScope s, Window w, CancellationToken ct)
    {
        const int network = 0;
        var result = new Dictionary<int, Dictionary<Indicator, RawFigure>>();
        Dictionary<Indicator, RawFigure> For(int key) => result.TryGetValue(key, out var d) ? d : result[key] = [];
        void Put(Indicator indicator, int key, double? value) => For(key)[indicator] = new RawFigure(value);

        var communities = Communities(s).Where(c => c.PublishedAt < w.To);
        Put(Indicators.Communities, network, await communities.CountAsync(ct));
        foreach (var g in await communities.GroupBy(c => c.NovadsId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            Put(Indicators.Communities, g.Key, g.Count);
        }

        var held = HeldEvents(s, w);
        Put(Indicators.EventsHeld, network, await held.CountAsync(ct));
        foreach (var g in await (from e in held
                                 join t in db.Territories on e.TerritoryId equals t.Id
                                 group e by t.NovadsId ?? t.Id into grp
                                 select new { grp.Key, Count = grp.Count() }).ToListAsync(ct))
        {
            Put(Indicators.EventsHeld, g.Key, g.Count);
        }

        var attendances = Attendances(s, w);
        Put(Indicators.UniqueParticipants, network, await attendances.Select(a => a.Person).Distinct().CountAsync(ct));
        foreach (var g in await (from a in attendances
                                 join t in db.Territories on a.HomeId equals t.Id
                                 group a.Person by t.NovadsId ?? t.Id into grp
                                 select new { grp.Key, Count = grp.Distinct().Count() }).ToListAsync(ct))
        {
            Put(Indicators.UniqueParticipants, g.Key, g.Count);
        }

        var ideas = IdeasCollected(s, w);
        var ideaRows = await (from i in ideas
                              join t in db.Territories on i.TerritoryId equals t.Id
                              group i by t.NovadsId ?? t.Id into grp
                              select new
                              {
                                  grp.Key,
                                  Collected = grp.Count(),
                                  Addressed = grp.Count(i => i.AddressedTo == IdeaAddressee.Municipality),
                                  Answered = grp.Count(i => i.AddressedTo == IdeaAddressee.Municipality && i.Response != IdeaResponse.None),
                              }).ToListAsync(ct);
        foreach (var (key, collected, addressed, answered) in ideaRows.Select(r => (r.Key, r.Collected, r.Addressed, r.Answered))
            .Append((network, ideaRows.Sum(r => r.Collected), ideaRows.Sum(r => r.Addressed), ideaRows.Sum(r => r.Answered))))
        {
            Put(Indicators.IdeasCollected, key, collected);
            Put(Indicators.IdeasToMunicipality, key, addressed);
            Put(Indicators.AnswerRate, key, addressed == 0 ? null : 100.0 * answered / addressed);
        }

        return result;
    }

    // Breakdowns of the current window.

    public async Task<List<(string Key, long Count)>> CommunitiesByLegalFormAsync(ReportScope s, CancellationToken ct) =>
        (await Communities(s).Where(c => c.PublishedAt < s.Current.To).GroupBy(c => c.LegalForm)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key.ToString(), (long)x.Count)).ToList();

    public async Task<List<(string Key, long Count)>> EventsByKindAsync(ReportScope s, CancellationToken ct) =>
        (await HeldEvents(s, s.Current).GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key.ToString(), (long)x.Count)).ToList();

    /// <summary>Unique participants by participant type (each person once, in the type of their latest
    /// attendance would need a window function; a person who came as two types counts in both, so
    /// the cells are not added up to a total).</summary>
    public async Task<List<(string Key, long Count)>> ParticipantsByClassAsync(ReportScope s, CancellationToken ct) =>
        (await ByHome(Attendances(s, s.Current), s).GroupBy(a => a.Class)
            .Select(g => new { g.Key, Count = g.Select(a => a.Person).Distinct().Count() }).ToListAsync(ct))
        .Select(x => (x.Key.ToString(), (long)x.Count)).ToList();

    public async Task<List<(string Key, long Count)>> IdeasBySourceAsync(ReportScope s, CancellationToken ct) =>
        (await IdeasCollected(s, s.Current).GroupBy(i => i.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key.ToString(), (long)x.Count)).ToList();

    /// <summary>Ideas carried out in the window by who did it: the municipality, a community, residents.</summary>
    public async Task<List<(string Key, long Count)>> IdeasImplementedByAsync(ReportScope s, CancellationToken ct) =>
        (await IdeasImplementedIn(s, s.Current).Where(i => i.ImplementedBy != null).GroupBy(i => i.ImplementedBy)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key!.Value.ToString(), (long)x.Count)).ToList();

    public async Task<List<(int? Key, long Count)>> IdeasByThemeAsync(ReportScope s, CancellationToken ct) =>
        (await IdeasCollected(s, s.Current).GroupBy(i => i.ThemeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key, (long)x.Count)).ToList();

    public async Task<List<(string Key, long Count)>> IdeasByAddresseeAsync(ReportScope s, CancellationToken ct) =>
        (await IdeasCollected(s, s.Current).GroupBy(i => i.AddressedTo).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key.ToString(), (long)x.Count)).ToList();

    /// <summary>Ideas by forum group, groups of the same name at different forums together.</summary>
    public async Task<List<(string Lv, string En, long Count)>> IdeasByForumGroupAsync(ReportScope s, CancellationToken ct) =>
        (await (from i in IdeasCollected(s, s.Current)
                join g in db.ForumGroups on i.ForumGroupId equals g.Id
                group i by new { g.NameLv, g.NameEn } into grp
                select new { grp.Key.NameLv, grp.Key.NameEn, Count = grp.Count() }).ToListAsync(ct))
        .Select(x => (x.NameLv, x.NameEn, (long)x.Count)).ToList();

    public async Task<List<(string Key, long Count)>> AnswersByOutcomeAsync(ReportScope s, CancellationToken ct) =>
        (await IdeasCollected(s, s.Current).Where(i => i.AddressedTo == IdeaAddressee.Municipality && i.Response != IdeaResponse.None)
            .GroupBy(i => i.Response).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key.ToString(), (long)x.Count)).ToList();

    /// <summary>Who works with whom: the pairs with the most shared events, then their names (two
    /// statements: the pairs, then the communities they name).</summary>
    public async Task<List<TieRow>> TieTableAsync(ReportScope s, int take, CancellationToken ct)
    {
        var pairs = await Ties(s, s.Current).OrderByDescending(t => t.Events).ThenBy(t => t.First).ThenBy(t => t.Second).Take(take).ToListAsync(ct);
        var ids = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().ToList();
        var names = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Slug, c.Name), ct);
        return pairs.Select(p => new TieRow(names[p.First].Slug, names[p.First].Name, names[p.Second].Slug, names[p.Second].Name, p.Events)).ToList();
    }
}

public sealed class Tie
{
    public int First { get; init; }
    public int Second { get; init; }
    public int Events { get; init; }
}

public sealed record TieRow(string FirstSlug, string FirstName, string SecondSlug, string SecondName, int Events);
