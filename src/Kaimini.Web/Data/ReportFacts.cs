using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data;

/// <summary>A person as the reports count people: a small number for the people hash every
/// registration carries (the keyed hash of the normalised address, kept through anonymisation;
/// random for a walk-in), and the start of the first event they attended anywhere.</summary>
public class ReportPerson
{
    public int Id { get; set; }
    public required string PersonHash { get; set; }
    public DateTimeOffset? FirstAttendedAt { get; set; }
}

/// <summary>An account as the reports count supporters: a small number for its id.</summary>
public class ReportAccount
{
    public int Id { get; set; }
    public required string UserId { get; set; }
}

/// <summary>One registration at a published or completed event, as the reports see it: who
/// (<see cref="PersonId"/>), where they live, which event, whether they came, and who they count as.
/// Kept by <see cref="ReportFacts"/> from <c>event_registrations</c>, <c>events</c> and
/// <c>community_memberships</c>; never written anywhere else.</summary>
public class ReportRegistration
{
    public Guid RegistrationId { get; set; }
    public int EventId { get; set; }

    /// <summary>The person, as unique people are counted (<see cref="ReportPerson.Id"/>).</summary>
    public int PersonId { get; set; }

    public EventKind Kind { get; set; }
    public int? ThemeId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int VenueId { get; set; }
    public int? HomeId { get; set; }
    public int? CommunityId { get; set; }
    public RegistrationStatus Status { get; set; }
    public bool Attended { get; set; }

    /// <summary>Came without signing up, added at the door: an attendance, not a registration.</summary>
    public bool WalkIn { get; set; }

    /// <summary>Municipality staff, else the leader of a community in the directory, else what the
    /// sign-up said.</summary>
    public ParticipantClass Class { get; set; }

    /// <summary>Calendar days the event spans (a two-day Dižkūre: 2), counted from its length.</summary>
    public double Days { get; set; }

    /// <summary>The event's places, if limited.</summary>
    public int? Capacity { get; set; }

    /// <summary>What this attendance says about the person, as <see cref="PersonFlags"/> bits, so that
    /// per person they aggregate as plain integers.</summary>
    public int Flags { get; set; }

    /// <summary><see cref="Days"/> when this is training (<see cref="PersonFlags.Training"/>), else 0.</summary>
    public double TrainingDays { get; set; }

    /// <summary>The person's first attendance anywhere (<see cref="ReportPerson.FirstAttendedAt"/>):
    /// a person is returning in a period that starts after it.</summary>
    public DateTimeOffset? FirstAttendedAt { get; set; }
}

/// <summary>The totals of one published or completed event's registrations (those in
/// <see cref="ReportRegistration"/>), for reports with no participant type chosen.</summary>
public class ReportEvent
{
    public int EventId { get; set; }
    public EventKind Kind { get; set; }
    public int? ThemeId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int VenueId { get; set; }
    public int? Capacity { get; set; }

    /// <summary>The organiser used check-in: someone was marked at the door or added as a walk-in.</summary>
    public bool Checked { get; set; }

    /// <summary>Confirmed sign-ups made beforehand (walk-ins are not registrations).</summary>
    public int Registered { get; set; }

    /// <summary>Of those, marked at the door.</summary>
    public int Attended { get; set; }

    public int WalkIns { get; set; }

    /// <summary>Everyone who came: attended sign-ups and walk-ins.</summary>
    public int InTheRoom { get; set; }
}

/// <summary>The bits of <see cref="ReportRegistration.Flags"/>.</summary>
public static class PersonFlags
{
    /// <summary>A leader or NGO representative at a Dižkūre, workshop or study trip.</summary>
    public const int Training = 1;

    public const int HasHome = 2;
    public const int Resident = 4;
    public const int NgoRepresentative = 8;
    public const int Leader = 16;
    public const int MunicipalityStaff = 32;
    public const int Other = 64;
}

/// <summary>One published idea, with what the reports count and filter it by, and when the
/// municipality first answered it.</summary>
public class ReportIdea
{
    public int IdeaId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int TerritoryId { get; set; }
    public int? ThemeId { get; set; }

    /// <summary>The kind of the event it was gathered at, if any.</summary>
    public EventKind? EventKind { get; set; }

    public int? ForumGroupId { get; set; }
    public IdeaSource Source { get; set; }
    public IdeaAddressee AddressedTo { get; set; }
    public IdeaResponse Response { get; set; }
    public DateOnly? ImplementedOn { get; set; }
    public IdeaImplementer? ImplementedBy { get; set; }

    /// <summary>The first answer in its history.</summary>
    public DateTimeOffset? FirstAnsweredAt { get; set; }
}

/// <summary>One support of a published idea, with what the reports filter it by.</summary>
public class ReportSupport
{
    public long SupportId { get; set; }
    public int IdeaId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int TerritoryId { get; set; }
    public int? ThemeId { get; set; }

    /// <summary>The supporter (<see cref="ReportAccount.Id"/>); null once the account is deleted.</summary>
    public int? SupporterId { get; set; }
}

/// <summary>
/// The reports' summary tables, kept current. Counting distinct people over a year of the network
/// means grouping some 90,000 attendances and 320,000 supports per period; read from the source
/// tables that needs a join to the event and the memberships for every row and text keys to hash.
/// The facts hold the same rows narrow, with the event, the participant type and integer keys for
/// people and accounts already in them: <c>report_registrations</c> (with each person's first
/// attendance, which makes them returning), <c>report_events</c> (each event's totals),
/// <c>report_ideas</c> (with the event's kind and the first answer) and <c>report_supports</c>;
/// <c>report_people</c> and <c>report_accounts</c> give the integer keys.
/// <para>
/// How they stay current: statement-level triggers (migration <c>ReportFacts</c>) append the id of
/// every event whose registrations, event row or participants' leadership changed, and of every
/// idea whose row, history or supports changed (or whose event did), to <c>report_stale</c> — an
/// append-only list, so writers never wait on one another. <see cref="RefreshAsync"/> rebuilds the facts of exactly those events and
/// ideas, and every report calls it before it reads, so figures are exact and current. Nothing else
/// writes the facts.
/// </para>
/// </summary>
public class ReportFacts(AppDbContext db)
{
    /// <summary>Rebuilds the facts of every event and idea marked stale since the last refresh. Cheap
    /// when nothing changed (one indexed probe); one refresh at a time (an advisory lock), so a
    /// second report waits for the first and then finds nothing to do.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        if (!await db.Database.SqlQueryRaw<bool>("SELECT EXISTS (SELECT 1 FROM report_stale) AS \"Value\"").SingleAsync(ct))
        {
            return;
        }

        // After a migration or a bulk import every event may be stale: minutes at Latvia scale.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(RefreshSql, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    // Who a participant is: municipality staff, else the leader of a community in the directory, else
    // what the sign-up said. The one place that decides it.
    private const string RefreshSql = """
        SELECT pg_advisory_xact_lock(hashtext('kaimini.report_facts'));

        CREATE TEMP TABLE stale_events ON COMMIT DROP AS
            WITH taken AS (DELETE FROM report_stale WHERE subject = 'event' RETURNING id) SELECT DISTINCT id FROM taken;
        CREATE TEMP TABLE stale_ideas ON COMMIT DROP AS
            WITH taken AS (DELETE FROM report_stale WHERE subject = 'idea' RETURNING id) SELECT DISTINCT id FROM taken;
        ANALYZE stale_events;
        ANALYZE stale_ideas;

        -- Registrations: the people they name before and after, so their first attendance is recomputed.
        CREATE TEMP TABLE stale_people ON COMMIT DROP AS
            SELECT f.person_id FROM report_registrations f JOIN stale_events s ON s.id = f.event_id;
        DELETE FROM report_registrations f USING stale_events s WHERE f.event_id = s.id;
        INSERT INTO report_people (person_hash)
            SELECT DISTINCT r.person_hash FROM event_registrations r JOIN stale_events s ON s.id = r.event_id
            ON CONFLICT (person_hash) DO NOTHING;
        INSERT INTO report_registrations (registration_id, event_id, person_id, kind, theme_id, starts_at, venue_id, home_id,
                                          community_id, status, attended, walk_in, class, days, capacity, flags, training_days)
            SELECT x.id, x.event_id, x.person_id, x.kind, x.theme_id, x.starts_at, x.venue_id, x.home_id, x.community_id, x.status,
                   x.attended, x.walk_in, x.class, x.days, x.capacity,
                   (CASE WHEN x.training THEN 1 ELSE 0 END) | (CASE WHEN x.home_id IS NOT NULL THEN 2 ELSE 0 END)
                   | (CASE x.class WHEN 'Resident' THEN 4 WHEN 'NgoRepresentative' THEN 8 WHEN 'Leader' THEN 16
                                   WHEN 'MunicipalityStaff' THEN 32 ELSE 64 END),
                   CASE WHEN x.training THEN x.days ELSE 0 END
            FROM (SELECT r.id, r.event_id, p.id AS person_id, e.kind, e.theme_id, e.starts_at, e.territory_id AS venue_id,
                         r.territory_id AS home_id, r.community_id, r.status, r.checked_in_at IS NOT NULL AS attended, r.walk_in,
                         c.class, ceiling(extract(epoch FROM e.ends_at - e.starts_at) / 86400.0) AS days, e.capacity,
                         e.kind IN ('Retreat', 'Workshop', 'StudyTrip') AND c.class IN ('Leader', 'NgoRepresentative') AS training
                  FROM event_registrations r
                  JOIN stale_events s ON s.id = r.event_id
                  JOIN events e ON e.id = r.event_id AND e.status IN ('Published', 'Completed')
                  JOIN report_people p ON p.person_hash = r.person_hash
                  CROSS JOIN LATERAL (SELECT CASE
                      WHEN r.participant_type = 'MunicipalityStaff' THEN 'MunicipalityStaff'
                      WHEN EXISTS (SELECT 1 FROM community_memberships m WHERE m.user_id = r.user_id AND m.is_leader) THEN 'Leader'
                      WHEN r.participant_type = 'NgoRepresentative' THEN 'NgoRepresentative'
                      WHEN r.participant_type = 'Other' THEN 'Other'
                      ELSE 'Resident' END AS class) c) x;
        INSERT INTO stale_people SELECT f.person_id FROM report_registrations f JOIN stale_events s ON s.id = f.event_id;
        DELETE FROM report_events f USING stale_events s WHERE f.event_id = s.id;
        INSERT INTO report_events (event_id, kind, theme_id, starts_at, venue_id, capacity, checked, registered, attended, walk_ins, in_the_room)
            SELECT f.event_id, min(f.kind), min(f.theme_id), min(f.starts_at), min(f.venue_id), min(f.capacity), bool_or(f.attended),
                   count(*) FILTER (WHERE f.status = 'Confirmed' AND NOT f.walk_in),
                   count(*) FILTER (WHERE f.status = 'Confirmed' AND NOT f.walk_in AND f.attended),
                   count(*) FILTER (WHERE f.status = 'Confirmed' AND f.walk_in),
                   count(*) FILTER (WHERE f.status = 'Confirmed' AND f.attended)
            FROM report_registrations f JOIN stale_events s ON s.id = f.event_id
            GROUP BY f.event_id;
        ANALYZE stale_people;
        -- A first build (every event stale) leaves the planner no statistics of what it just wrote.
        DO $$ BEGIN
            IF (SELECT count(*) FROM stale_events) > 500 THEN
                ANALYZE report_registrations;
                ANALYZE report_people;
            END IF;
        END $$;

        CREATE TEMP TABLE stale_first ON COMMIT DROP AS
            SELECT t.person_id, min(f.starts_at) FILTER (WHERE f.status = 'Confirmed' AND f.attended) AS first_attended_at
            FROM (SELECT DISTINCT person_id FROM stale_people) t
            LEFT JOIN report_registrations f ON f.person_id = t.person_id
            GROUP BY t.person_id;
        UPDATE report_people p SET first_attended_at = x.first_attended_at
            FROM stale_first x WHERE p.id = x.person_id AND p.first_attended_at IS DISTINCT FROM x.first_attended_at;
        UPDATE report_registrations f SET first_attended_at = x.first_attended_at
            FROM stale_first x WHERE f.person_id = x.person_id AND f.first_attended_at IS DISTINCT FROM x.first_attended_at;

        -- Published ideas, and their supports.
        DELETE FROM report_ideas f USING stale_ideas s WHERE f.idea_id = s.id;
        INSERT INTO report_ideas (idea_id, created_at, territory_id, theme_id, event_kind, forum_group_id, source, addressed_to,
                                  response, implemented_on, implemented_by, first_answered_at)
            SELECT i.id, i.created_at, i.territory_id, i.theme_id, e.kind, i.forum_group_id, i.source, i.addressed_to,
                   i.response, i.implemented_on, i.implemented_by,
                   (SELECT min(h.at) FROM idea_history h WHERE h.idea_id = i.id AND h.kind = 'Answered')
            FROM ideas i
            JOIN stale_ideas s ON s.id = i.id
            LEFT JOIN events e ON e.id = i.event_id
            WHERE i.status = 'Published';
        INSERT INTO report_accounts (user_id)
            SELECT DISTINCT x.user_id FROM idea_supports x JOIN stale_ideas s ON s.id = x.idea_id WHERE x.user_id IS NOT NULL
            ON CONFLICT (user_id) DO NOTHING;
        DELETE FROM report_supports f USING stale_ideas s WHERE f.idea_id = s.id;
        INSERT INTO report_supports (support_id, idea_id, created_at, territory_id, theme_id, supporter_id)
            SELECT x.id, x.idea_id, x.created_at, i.territory_id, i.theme_id, a.id
            FROM idea_supports x
            JOIN stale_ideas s ON s.id = x.idea_id
            JOIN ideas i ON i.id = x.idea_id AND i.status = 'Published'
            LEFT JOIN report_accounts a ON a.user_id = x.user_id;
        DO $$ BEGIN
            IF (SELECT count(*) FROM stale_ideas) > 500 THEN
                ANALYZE report_ideas;
                ANALYZE report_supports;
                ANALYZE report_accounts;
            END IF;
        END $$;
        """;
}

/// <summary>Settings of the reports' summary tables (section <c>Reports</c>).</summary>
public class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>Whether <see cref="ReportFactsWorker"/> refreshes the summary tables between reports.</summary>
    public bool RefreshEnabled { get; set; } = true;

    /// <summary>How often it does, so the list of what changed stays short when nobody reads reports.</summary>
    public double RefreshMinutes { get; set; } = 15;
}
