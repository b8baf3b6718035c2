using System.Linq.Expressions;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kaimini.Web.Features.Reports;

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
public class ReportQueries(AppDbContext db, ReportFacts facts) : IAsyncDisposable
{
    /// <summary>Every registration for events held in the window that the event filters keep, walk-ins
    /// included, from the reports' summary table (<see cref="ReportFacts"/>, which says who a person
    /// is and who they count as).</summary>
    public IQueryable<ReportRegistration> RegistrationRows(ReportScope s, Window w)
    {
        var rows = db.ReportRegistrations.AsNoTracking().Where(r => r.StartsAt >= w.From && r.StartsAt < w.To && r.StartsAt < s.Now);
        if (s.Kind is { } kind)
        {
            rows = rows.Where(r => r.Kind == kind);
        }

        if (s.Theme is { } theme)
        {
            rows = rows.Where(r => r.ThemeId == theme.Id);
        }

        return s.Participant is { } participant ? rows.Where(r => r.Class == participant) : rows;
    }

    /// <summary>Confirmed registrations marked at the door, and walk-ins.</summary>
    public IQueryable<ReportRegistration> Attendances(ReportScope s, Window w) =>
        RegistrationRows(s, w).Where(r => r.Status == RegistrationStatus.Confirmed && r.Attended);

    private IQueryable<ReportRegistration> ByHome(IQueryable<ReportRegistration> rows, ReportScope s) =>
        s.TerritoryIds is { } ids ? rows.Where(r => r.HomeId != null && ids.Contains(r.HomeId.Value)) : rows;

    private IQueryable<ReportRegistration> ByVenue(IQueryable<ReportRegistration> rows, ReportScope s) =>
        s.TerritoryIds is { } ids ? rows.Where(r => ids.Contains(r.VenueId)) : rows;

    /// <summary>The totals of each event held in the window that the event filters keep, by venue.</summary>
    private IQueryable<ReportEvent> EventTotals(ReportScope s, Window w)
    {
        var events = db.ReportEvents.AsNoTracking().Where(e => e.StartsAt >= w.From && e.StartsAt < w.To && e.StartsAt < s.Now);
        if (s.Kind is { } kind)
        {
            events = events.Where(e => e.Kind == kind);
        }

        if (s.Theme is { } theme)
        {
            events = events.Where(e => e.ThemeId == theme.Id);
        }

        return s.TerritoryIds is { } ids ? events.Where(e => ids.Contains(e.VenueId)) : events;
    }

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
    public IQueryable<ReportIdea> IdeasCollected(ReportScope s, Window w) =>
        Ideas(s, db.ReportIdeas.AsNoTracking().Where(i => i.CreatedAt >= w.From && i.CreatedAt < w.To));

    /// <summary>Published ideas carried out on a day of the window, whenever they were collected, by
    /// the place they concern, their theme and (with an event kind chosen) the kind of event they
    /// were gathered at.</summary>
    public IQueryable<ReportIdea> IdeasImplementedIn(ReportScope s, Window w) =>
        Ideas(s, db.ReportIdeas.AsNoTracking().Where(i => i.ImplementedOn >= w.FirstDay && i.ImplementedOn <= w.LastDay));

    private static IQueryable<ReportIdea> Ideas(ReportScope s, IQueryable<ReportIdea> ideas)
    {
        if (s.TerritoryIds is { } ids)
        {
            ideas = ideas.Where(i => ids.Contains(i.TerritoryId));
        }

        if (s.Theme is { } theme)
        {
            ideas = ideas.Where(i => i.ThemeId == theme.Id);
        }

        return s.Kind is { } kind ? ideas.Where(i => i.EventKind == kind) : ideas;
    }

    /// <summary>The headline figures of the window, one entry per indicator: one aggregate statement
    /// per subject (communities, people by their home, events, registrations at the venue, ideas,
    /// supports, answer times, ties, leaders), each figure a FILTER of it. What the same statements
    /// give for the current window's breakdowns is kept for the breakdown methods.</summary>
    public async Task<Dictionary<Indicator, RawFigure>> FiguresAsync(ReportScope s, Window w, CancellationToken ct)
    {
        await PrepareSessionAsync(ct);
        var f = new Dictionary<Indicator, RawFigure>();
        var yearBefore = w.To.AddYears(-1);
        var isCurrent = w == s.Current;
        if (isCurrent)
        {
            _kept = s;
        }

        // Aim 1: the communities. "Reached" depends on the scope's size: the whole network hashes the
        // period's attendances once (IN), a territory probes its own communities one by one (EXISTS);
        // "reached before" is probed per reached community (community_id, starts_at).
        var allAttendances = Attendances(s, w);
        var before = AttendancesBefore(w);
        var network = s.TerritoryIds is null;
        var coOrganisers = db.Events
            .Where(e => (e.Status == EventStatus.Published || e.Status == EventStatus.Completed)
                && e.StartsAt >= yearBefore && e.StartsAt < w.To && e.StartsAt < s.Now)
            .SelectMany(e => e.Communities.Select(c => c.Id));
        // Ideas link to a community only through who carried them out (ImplementedByCommunityId): an
        // idea submitted by a leader or gathered at a community's event names no community.
        var dayYearBefore = w.LastDay.AddDays(1).AddYears(-1);
        var implementers = db.Ideas
            .Where(i => i.ImplementedByCommunityId != null && i.Status == IdeaStatus.Published
                && i.ImplementedOn >= dayYearBefore && i.ImplementedOn <= w.LastDay)
            .Select(i => i.ImplementedByCommunityId!.Value);
        var reachedIds = allAttendances.Where(a => a.CommunityId != null).Select(a => a.CommunityId!.Value);
        Expression<Func<IGrouping<int, Community>, CommunityTotals>> communityTotals = network
            ? g => new CommunityTotals
            {
                Listed = g.Count(c => c.PublishedAt < w.To),
                New = g.Count(c => c.PublishedAt < w.To && c.PublishedAt >= w.From),
                Active = g.Count(c => c.PublishedAt < w.To
                    && ((c.UpdatedAt >= yearBefore && c.UpdatedAt < w.To) || coOrganisers.Contains(c.Id) || implementers.Contains(c.Id))),
                Reached = g.Count(c => reachedIds.Contains(c.Id)),
                FirstTime = g.Count(c => reachedIds.Contains(c.Id) && !before.Any(a => a.CommunityId == c.Id)),
            }
            : g => new CommunityTotals
            {
                Listed = g.Count(c => c.PublishedAt < w.To),
                New = g.Count(c => c.PublishedAt < w.To && c.PublishedAt >= w.From),
                Active = g.Count(c => c.PublishedAt < w.To
                    && ((c.UpdatedAt >= yearBefore && c.UpdatedAt < w.To) || coOrganisers.Contains(c.Id) || implementers.Contains(c.Id))),
                Reached = g.Count(c => allAttendances.Any(a => a.CommunityId == c.Id)),
                FirstTime = g.Count(c => allAttendances.Any(a => a.CommunityId == c.Id) && !before.Any(a => a.CommunityId == c.Id)),
            };
        var communities = await Communities(s).GroupBy(_ => 1).Select(communityTotals).SingleOrDefaultAsync(ct);
        f[Indicators.Communities] = new(communities?.Listed ?? 0);
        f[Indicators.NewCommunities] = new(communities?.New ?? 0);
        f[Indicators.ActiveCommunities] = new(communities?.Active ?? 0);
        f[Indicators.LeadersListed] = new(await LeadersListed(s, w).CountAsync(ct));
        f[Indicators.OrganisationsReached] = new(communities?.Reached ?? 0);
        f[Indicators.FirstTimeOrganisations] = new(communities?.FirstTime ?? 0);
        f[Indicators.CooperationTies] = new(await Ties(s, w).CountAsync(ct));

        var people = await PeopleAsync(s, w, ct);
        f[Indicators.LeadersTrained] = new(people.Trained);
        f[Indicators.TrainingDays] = new(people.TrainingDays);
        if (isCurrent)
        {
            _participantsByClass = new List<(ParticipantClass Class, long Count)>
                {
                    (ParticipantClass.Resident, people.Residents), (ParticipantClass.NgoRepresentative, people.Ngos),
                    (ParticipantClass.Leader, people.Leaders), (ParticipantClass.MunicipalityStaff, people.Staff),
                    (ParticipantClass.Other, people.Others),
                }
                .Where(x => x.Count > 0).Select(x => (x.Class.ToString(), x.Count)).ToList();
        }

        // Aim 2. Registrations against attendance only where the organiser used check-in at all (marked
        // someone at the door or added a walk-in). Registrations are sign-ups made beforehand: a
        // walk-in is an attendance without one, so it is neither a registration nor a no-show.
        var held = HeldEvents(s, w);
        var atVenue = ByVenue(RegistrationRows(s, w), s);
        var events = await held.GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        f[Indicators.EventsHeld] = new(events.Sum(e => e.Count));
        if (isCurrent)
        {
            _eventsByKind = events.Select(e => (e.Kind.ToString(), (long)e.Count)).ToList();
        }

        // Per event first (did it use check-in, its capacity), then over the events that did. Without a
        // participant type chosen, each event's totals are kept in the summary tables.
        var perEvent = s.Participant is null
            ? EventTotals(s, w)
            : atVenue.GroupBy(r => r.EventId).Select(g => new ReportEvent
            {
                EventId = g.Key,
                Checked = g.Max(r => r.Attended ? 1 : 0) == 1,
                Capacity = g.Max(r => r.Capacity),
                Registered = g.Count(r => r.Status == RegistrationStatus.Confirmed && !r.WalkIn),
                Attended = g.Count(r => r.Status == RegistrationStatus.Confirmed && !r.WalkIn && r.Attended),
                WalkIns = g.Count(r => r.Status == RegistrationStatus.Confirmed && r.WalkIn),
                InTheRoom = g.Count(r => r.Status == RegistrationStatus.Confirmed && r.Attended),
            });
        var places = await perEvent.Where(e => e.Checked)
            .GroupBy(_ => 1).Select(g => new
            {
                Registered = g.Sum(e => e.Registered),
                Attended = g.Sum(e => e.Attended),
                WalkIns = g.Sum(e => e.WalkIns),
                Capacity = g.Sum(e => e.Capacity ?? 0),
                // The room holds walk-ins too.
                AttendedWithCapacity = g.Sum(e => e.Capacity != null ? e.InTheRoom : 0),
            }).SingleOrDefaultAsync(ct);
        var registered = places?.Registered ?? 0;
        var attended = places?.Attended ?? 0;
        f[Indicators.Registrations] = new(registered);
        f[Indicators.Attended] = new(attended);
        f[Indicators.NoShows] = new(registered - attended);
        f[Indicators.WalkIns] = new(places?.WalkIns ?? 0);
        var capacity = places?.Capacity ?? 0;
        var attendedWithCapacity = places?.AttendedWithCapacity ?? 0;
        f[Indicators.CapacityUsed] = new(capacity == 0 ? null : 100.0 * attendedWithCapacity / capacity, attendedWithCapacity);

        var unique = people.Unique;
        var returning = people.Returning;
        f[Indicators.UniqueParticipants] = new(unique);
        f[Indicators.Attendances] = new(people.Attendances);
        f[Indicators.NewParticipants] = new(unique - returning);
        f[Indicators.ReturningParticipants] = new(returning);
        // People whose home is one of the units counted (with no territory chosen: anyone with a home).
        f[Indicators.ParticipantsPer1000] = await PerThousandAsync(s, w, s.TerritoryIds is null ? people.WithHome : unique, ct);

        // Ideas: one statement grouped by what the figures and breakdowns split them by.
        var ideas = await IdeaGroupsAsync(s, w, ct);
        var addressed = ideas.Where(g => g.AddressedTo == IdeaAddressee.Municipality).ToList();
        f[Indicators.IdeasCollected] = new(ideas.Sum(g => g.Count));
        var supports = await Supports(s, w).GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Supporters = g.Where(x => x.SupporterId != null).Select(x => x.SupporterId).Distinct().Count(),
        }).SingleOrDefaultAsync(ct);
        f[Indicators.Supports] = new(supports?.Count ?? 0);
        f[Indicators.Supporters] = new(supports?.Supporters ?? 0);

        // Aim 3.
        f[Indicators.StaffTookPart] = new(people.Staff);
        var toMunicipality = addressed.Sum(g => g.Count);
        var answered = addressed.Where(g => g.Response != IdeaResponse.None).Sum(g => g.Count);
        f[Indicators.IdeasToMunicipality] = new(toMunicipality);
        f[Indicators.IdeasAnswered] = new(answered);
        f[Indicators.AnswerRate] = new(toMunicipality == 0 ? null : 100.0 * answered / toMunicipality);
        // The funnel: accepted or planned (or already carried out, whatever the answer says), then
        // carried out — by anyone: the municipality may hand an idea to a community or residents.
        f[Indicators.IdeasAccepted] = new(addressed.Where(g => g.Implemented
            || g.Response is IdeaResponse.Accepted or IdeaResponse.InPlan or IdeaResponse.InProgress or IdeaResponse.Done).Sum(g => g.Count));
        f[Indicators.IdeasImplemented] = new(addressed.Where(g => g.Implemented).Sum(g => g.Count));
        f[Indicators.IdeasImplementedInPeriod] = new(await IdeasImplementedIn(s, w).CountAsync(ct));
        var timing = await AnswerTimingAsync(s, w, ct);
        f[Indicators.MedianDaysToAnswer] = new(timing.Median);
        f[Indicators.AnsweredWithin30Days] = new(timing.Answered == 0 ? null : 100.0 * timing.Within30 / timing.Answered);
        return f;
    }

    /// <summary>Ideas collected in the window counted by source, theme, addressee, answer and whether
    /// carried out: the figures and the idea breakdowns add these up (a few hundred groups at most).
    /// Kept for the current window, which the breakdowns ask for.</summary>
    private async Task<List<IdeaGroup>> IdeaGroupsAsync(ReportScope s, Window w, CancellationToken ct)
    {
        if (w == s.Current && ReferenceEquals(_kept, s) && _currentIdeas is { } kept)
        {
            return kept;
        }

        await PrepareSessionAsync(ct);
        var groups = await IdeasCollected(s, w)
            .GroupBy(i => new { i.Source, i.ThemeId, i.AddressedTo, i.Response, Implemented = i.ImplementedOn != null })
            .Select(g => new IdeaGroup(g.Key.Source, g.Key.ThemeId, g.Key.AddressedTo, g.Key.Response, g.Key.Implemented, g.Count()))
            .ToListAsync(ct);
        if (w == s.Current && ReferenceEquals(_kept, s))
        {
            _currentIdeas = groups;
        }

        return groups;
    }

    private sealed class CommunityTotals
    {
        public int Listed { get; init; }
        public int New { get; init; }
        public int Active { get; init; }
        public int Reached { get; init; }
        public int FirstTime { get; init; }
    }

    /// <summary>The people figures of a window, by their home (read by SQL: columns in snake case).</summary>
    private sealed class PeopleTotals
    {
        public int Unique { get; init; }
        public int WithHome { get; init; }
        public int Attendances { get; init; }
        public int Returning { get; init; }
        public int Trained { get; init; }
        public double TrainingDays { get; init; }
        public int Residents { get; init; }
        public int Ngos { get; init; }
        public int Leaders { get; init; }
        public int Staff { get; init; }
        public int Others { get; init; }
    }

    /// <summary>Attendances in the window by the people's home, grouped once per person (one pass over
    /// the covering index), every count of people a FILTER over that: what a person was is the OR of
    /// their attendances' <see cref="PersonFlags"/> bits, returning is their first attendance anywhere
    /// (kept in each of their rows) before the window. SQL because <c>bit_or</c> has no LINQ form; the
    /// filters are <see cref="Attendances"/>' and <see cref="ByHome"/>'s.</summary>
    private async Task<PeopleTotals> PeopleAsync(ReportScope s, Window w, CancellationToken ct)
    {
        var ids = s.TerritoryIds?.ToArray();
        var theme = s.Theme?.Id;
        var kind = s.Kind?.ToString();
        var participant = s.Participant?.ToString();
        var rows = await db.Database.SqlQuery<PeopleTotals>($"""
            SELECT count(*)::int AS "unique", count(*) FILTER (WHERE p.flags & {PersonFlags.HasHome} <> 0)::int AS "with_home",
                   coalesce(sum(p.attendances), 0)::int AS "attendances", count(*) FILTER (WHERE p.returning)::int AS "returning",
                   count(*) FILTER (WHERE p.flags & {PersonFlags.Training} <> 0)::int AS "trained",
                   coalesce(sum(p.training_days), 0)::double precision AS "training_days",
                   count(*) FILTER (WHERE p.flags & {PersonFlags.Resident} <> 0)::int AS "residents",
                   count(*) FILTER (WHERE p.flags & {PersonFlags.NgoRepresentative} <> 0)::int AS "ngos",
                   count(*) FILTER (WHERE p.flags & {PersonFlags.Leader} <> 0)::int AS "leaders",
                   count(*) FILTER (WHERE p.flags & {PersonFlags.MunicipalityStaff} <> 0)::int AS "staff",
                   count(*) FILTER (WHERE p.flags & {PersonFlags.Other} <> 0)::int AS "others"
            FROM (SELECT r.person_id, count(*) AS attendances, bit_or(r.flags) AS flags, sum(r.training_days) AS training_days,
                         bool_or(r.first_attended_at < {w.From}) AS returning
                  FROM report_registrations r
                  WHERE r.status = 'Confirmed' AND r.attended
                    AND r.starts_at >= {w.From} AND r.starts_at < {w.To} AND r.starts_at < {s.Now}
                    AND ({kind}::text IS NULL OR r.kind = {kind}::text)
                    AND ({theme}::integer IS NULL OR r.theme_id = {theme}::integer)
                    AND ({participant}::text IS NULL OR r.class = {participant}::text)
                    AND ({ids}::integer[] IS NULL OR r.home_id = ANY({ids}::integer[]))
                  GROUP BY r.person_id) p
            """).ToListAsync(ct);
        return rows.Single();
    }

    private sealed record IdeaGroup(IdeaSource Source, int? ThemeId, IdeaAddressee AddressedTo, IdeaResponse Response, bool Implemented, long Count);

    // What FiguresAsync of the current window (of the scope _kept) also gave, for the breakdowns of
    // the same request.
    private ReportScope? _kept;
    private List<IdeaGroup>? _currentIdeas;
    private List<(string Key, long Count)>? _participantsByClass;
    private List<(string Key, long Count)>? _eventsByKind;
    private IDbContextTransaction? _session;

    /// <summary>Brings the summary tables up to date before reports on other connections read them.</summary>
    public Task RefreshAsync(CancellationToken ct) => facts.RefreshAsync(ct);

    /// <summary>Brings the summary tables up to date (<see cref="ReportFacts.RefreshAsync"/>), so every
    /// figure is exact and current, then opens a read-only transaction for this request's report
    /// statements. They aggregate tens of thousands of rows: without JIT compilation (which costs more
    /// than it saves on them) and with room to hash in memory. The settings are <c>SET LOCAL</c>, so
    /// they end with the transaction: pooled connections are not reset between requests (see
    /// <c>DatabaseExtensions</c>), and a session setting would follow the connection to other pages.
    /// Read-only, so a write in the same request before <see cref="EndSessionAsync"/> fails loudly
    /// instead of vanishing with the rollback.</summary>
    private async Task PrepareSessionAsync(CancellationToken ct)
    {
        if (_session is not null)
        {
            return;
        }

        await facts.RefreshAsync(ct);

        _session = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(
            "SET TRANSACTION READ ONLY; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'; SET LOCAL max_parallel_workers_per_gather = 0", ct);
    }

    /// <summary>Ends the report statements' transaction (it wrote nothing), so the request can write
    /// again on its context (the export's audit entry). Also done when the request's scope ends.</summary>
    public async ValueTask EndSessionAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return EndSessionAsync();
    }

    /// <summary>Unique participants living in the scope per 1,000 of its residents (as
    /// <see cref="Indicators.ParticipantsPer1000"/> in the reports), for one area of <c>/rezultati</c>.</summary>
    public async Task<RawFigure> PerThousandAsync(ReportScope s, Window w, CancellationToken ct)
    {
        await PrepareSessionAsync(ct);
        var people = await ByHome(Attendances(s, w), s).Where(a => a.HomeId != null).Select(a => a.PersonId).Distinct().LongCountAsync(ct);
        return await PerThousandAsync(s, w, people, ct);
    }

    /// <summary>Unique participants living in the scope per 1,000 of its residents: only where every
    /// town and parish in scope has a population for the same year (the latest up to the period's
    /// end), otherwise no value and a note saying why.</summary>
    private async Task<RawFigure> PerThousandAsync(ReportScope s, Window w, long people, CancellationToken ct)
    {
        if (await PopulationAsync(s, w.LastDay.Year, ct) is not { } population)
        {
            return new RawFigure(null, Note: new FigureNote("Reports.PerThousand.NoPopulation"));
        }

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

    /// <summary>Every attendance at any event before the window, whatever the filters: what makes an
    /// organisation not new.</summary>
    private IQueryable<ReportRegistration> AttendancesBefore(Window w) =>
        db.ReportRegistrations.Where(r => r.Status == RegistrationStatus.Confirmed && r.Attended && r.StartsAt < w.From);

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

    /// <summary>Supports of published ideas given in the window, by the place the idea concerns and its theme.</summary>
    private IQueryable<ReportSupport> Supports(ReportScope s, Window w)
    {
        var supports = db.ReportSupports.AsNoTracking().Where(x => x.CreatedAt >= w.From && x.CreatedAt < w.To);
        if (s.TerritoryIds is { } ids)
        {
            supports = supports.Where(x => ids.Contains(x.TerritoryId));
        }

        return s.Theme is { } theme ? supports.Where(x => x.ThemeId == theme.Id) : supports;
    }

    /// <summary>Pairs of communities that co-organised at least one event held in the window (by
    /// venue) or matched on the cooperation board in it (by the post's place), the lower id first,
    /// with how many events they shared and how many posts matched them.</summary>
    public IQueryable<Tie> Ties(ReportScope s, Window w)
    {
        var links = HeldEvents(s, w).SelectMany(e => e.Communities.Select(c => new { EventId = e.Id, CommunityId = c.Id }));
        var events = from a in links
                     join b in links on a.EventId equals b.EventId
                     where a.CommunityId < b.CommunityId
                     select new { First = a.CommunityId, Second = b.CommunityId, Event = 1, Match = 0 };
        var matches = MatchedPosts(s, w).Select(p => new
        {
            First = p.CommunityId < p.MatchedCommunityId!.Value ? p.CommunityId : p.MatchedCommunityId.Value,
            Second = p.CommunityId < p.MatchedCommunityId.Value ? p.MatchedCommunityId.Value : p.CommunityId,
            Event = 0,
            Match = 1,
        });
        return from x in events.Concat(matches)
               group x by new { x.First, x.Second } into g
               select new Tie { First = g.Key.First, Second = g.Key.Second, Events = g.Sum(x => x.Event), Matches = g.Sum(x => x.Match) };
    }

    /// <summary>Cooperation posts matched with another community in the window, by the post's place
    /// and theme; none when an event kind is chosen (a match is no event).</summary>
    private IQueryable<CooperationPost> MatchedPosts(ReportScope s, Window w)
    {
        var posts = db.CooperationPosts.AsNoTracking()
            .Where(p => p.Status == CooperationStatus.Matched && p.MatchedCommunityId != null
                && p.MatchedAt >= w.From && p.MatchedAt < w.To && p.MatchedAt < s.Now);
        if (s.Kind is not null)
        {
            posts = posts.Where(p => false);
        }

        if (s.Theme is { } theme)
        {
            posts = posts.Where(p => p.ThemeId == theme.Id);
        }

        return s.TerritoryIds is { } ids ? posts.Where(p => ids.Contains(p.TerritoryId)) : posts;
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
            FROM (SELECT extract(epoch FROM i.first_answered_at - i.created_at) / 86400.0 AS d
                  FROM report_ideas i
                  WHERE i.addressed_to = 'Municipality' AND i.first_answered_at IS NOT NULL
                    AND i.created_at >= {w.From} AND i.created_at < {w.To}
                    AND ({ids}::integer[] IS NULL OR i.territory_id = ANY({ids}::integer[]))
                    AND ({theme}::integer IS NULL OR i.theme_id = {theme}::integer)
                    AND ({kind}::text IS NULL OR i.event_kind = {kind}::text)) x
            """).ToListAsync(ct);
        return rows.Single();
    }

    /// <summary>The public page's headline figures for the whole network (key null) and for each
    /// current novads: one grouped statement per figure, whatever the number of novadi.</summary>
    public async Task<Dictionary<int, Dictionary<Indicator, RawFigure>>> HeadlinesAsync(ReportScope s, Window w, CancellationToken ct)
    {
        await PrepareSessionAsync(ct);
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
        Put(Indicators.UniqueParticipants, network, await attendances.Select(a => a.PersonId).Distinct().CountAsync(ct));
        foreach (var g in await (from a in attendances
                                 join t in db.Territories on a.HomeId equals t.Id
                                 group a.PersonId by t.NovadsId ?? t.Id into grp
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

        var implemented = IdeasImplementedIn(s, w);
        var implementedRows = await (from i in implemented
                                     join t in db.Territories on i.TerritoryId equals t.Id
                                     group i by t.NovadsId ?? t.Id into grp
                                     select new { grp.Key, Count = grp.Count() }).ToListAsync(ct);
        Put(Indicators.IdeasImplementedInPeriod, network, implementedRows.Sum(r => r.Count));
        foreach (var r in implementedRows)
        {
            Put(Indicators.IdeasImplementedInPeriod, r.Key, r.Count);
        }

        return result;
    }

    // Breakdowns of the current window.

    public async Task<List<(string Key, long Count)>> CommunitiesByLegalFormAsync(ReportScope s, CancellationToken ct) =>
        (await Communities(s).Where(c => c.PublishedAt < s.Current.To).GroupBy(c => c.LegalForm)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key.ToString(), (long)x.Count)).ToList();

    public async Task<List<(string Key, long Count)>> EventsByKindAsync(ReportScope s, CancellationToken ct) =>
        (ReferenceEquals(_kept, s) ? _eventsByKind : null) ?? (await HeldEvents(s, s.Current).GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key.ToString(), (long)x.Count)).ToList();

    /// <summary>Unique participants by participant type (each person once, in the type of their latest
    /// attendance would need a window function; a person who came as two types counts in both, so
    /// the cells are not added up to a total).</summary>
    public async Task<List<(string Key, long Count)>> ParticipantsByClassAsync(ReportScope s, CancellationToken ct)
    {
        if (ReferenceEquals(_kept, s) && _participantsByClass is { } kept)
        {
            return kept;
        }

        await PrepareSessionAsync(ct);
        return (await ByHome(Attendances(s, s.Current), s).GroupBy(a => a.Class)
                .Select(g => new { g.Key, Count = g.Select(a => a.PersonId).Distinct().Count() }).ToListAsync(ct))
            .Select(x => (x.Key.ToString(), (long)x.Count)).ToList();
    }

    public async Task<List<(string Key, long Count)>> IdeasBySourceAsync(ReportScope s, CancellationToken ct) =>
        (await IdeaGroupsAsync(s, s.Current, ct)).GroupBy(g => g.Source).Select(g => (g.Key.ToString(), g.Sum(x => x.Count))).ToList();

    /// <summary>Ideas carried out in the window by who did it: the municipality, a community, residents.</summary>
    public async Task<List<(string Key, long Count)>> IdeasImplementedByAsync(ReportScope s, CancellationToken ct) =>
        (await IdeasImplementedIn(s, s.Current).Where(i => i.ImplementedBy != null).GroupBy(i => i.ImplementedBy)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => (x.Key!.Value.ToString(), (long)x.Count)).ToList();

    public async Task<List<(int? Key, long Count)>> IdeasByThemeAsync(ReportScope s, CancellationToken ct) =>
        (await IdeaGroupsAsync(s, s.Current, ct)).GroupBy(g => g.ThemeId).Select(g => (g.Key, g.Sum(x => x.Count))).ToList();

    public async Task<List<(string Key, long Count)>> IdeasByAddresseeAsync(ReportScope s, CancellationToken ct) =>
        (await IdeaGroupsAsync(s, s.Current, ct)).GroupBy(g => g.AddressedTo).Select(g => (g.Key.ToString(), g.Sum(x => x.Count))).ToList();

    /// <summary>Ideas by forum group, groups of the same name at different forums together.</summary>
    public async Task<List<(string Lv, string En, long Count)>> IdeasByForumGroupAsync(ReportScope s, CancellationToken ct) =>
        (await (from i in IdeasCollected(s, s.Current)
                join g in db.ForumGroups on i.ForumGroupId equals g.Id
                group i by new { g.NameLv, g.NameEn } into grp
                select new { grp.Key.NameLv, grp.Key.NameEn, Count = grp.Count() }).ToListAsync(ct))
        .Select(x => (x.NameLv, x.NameEn, (long)x.Count)).ToList();

    public async Task<List<(string Key, long Count)>> AnswersByOutcomeAsync(ReportScope s, CancellationToken ct) =>
        (await IdeaGroupsAsync(s, s.Current, ct)).Where(g => g.AddressedTo == IdeaAddressee.Municipality && g.Response != IdeaResponse.None)
            .GroupBy(g => g.Response).Select(g => (g.Key.ToString(), g.Sum(x => x.Count))).ToList();

    /// <summary>Who works with whom: the pairs with the most shared events, then their names (two
    /// statements: the pairs, then the communities they name).</summary>
    public async Task<List<TieRow>> TieTableAsync(ReportScope s, int take, CancellationToken ct)
    {
        var pairs = await Ties(s, s.Current).OrderByDescending(t => t.Events + t.Matches).ThenBy(t => t.First).ThenBy(t => t.Second).Take(take).ToListAsync(ct);
        var ids = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().ToList();
        var names = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Slug, c.Name), ct);
        return pairs.Select(p => new TieRow(names[p.First].Slug, names[p.First].Name, names[p.Second].Slug, names[p.Second].Name, p.Events, p.Matches)).ToList();
    }
}

public sealed class Tie
{
    public int First { get; init; }
    public int Second { get; init; }
    public int Events { get; init; }

    /// <summary>Cooperation posts of one matched with the other.</summary>
    public int Matches { get; init; }
}

public sealed record TieRow(string FirstSlug, string FirstName, string SecondSlug, string SecondName, int Events, int Matches);
