using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Kaimini.Web.Data.Seed;

public partial class ScaleSeeder
{
    private static readonly string[] VenueKinds =
    [
        "Kultūras nams", "Bibliotēka", "Pamatskola", "Sporta centrs", "Kopienas māja", "Tautas nams", "Jauniešu centrs", "Parks",
        "Pagasta pārvalde", "Muižas zāle",
    ];

    private static readonly string[] Activities =
    [
        "Talka", "Kaimiņu svētki", "Koncerts", "Sporta diena", "Senioru pēcpusdiena", "Ģimeņu diena", "Vēstures pastaiga", "Vietējo ražotāju tirdziņš",
        "Lasījumi", "Jauniešu vakars", "Dārzu dienas", "Rudens gadatirgus",
    ];

    private static readonly string[] WorkshopTopics =
    [
        "projektu rakstīšana", "brīvprātīgo piesaiste", "biedrības finanses", "komunikācija sociālajos tīklos", "pasākumu vadīšana",
        "datu aizsardzība biedrībās", "sadarbība ar pašvaldību", "kopienas stratēģija",
    ];

    private static readonly string[] Destinations = ["Kurzemi", "Vidzemi", "Latgali", "Zemgali", "Sēliju", "Igauniju", "Lietuvu"];

    /// <summary>An event as the registration step reads it back.</summary>
    private sealed record ScaleEvent(int Id, EventKind Kind, EventStatus Status, EventAudience Audience, DateTimeOffset StartsAt,
        DateTimeOffset EndsAt, DateTimeOffset CreatedAt, int? Capacity, int TerritoryId);

    /// <summary>Events over the years before today and the next two months: community events most,
    /// then workshops, forums (with their five groups and agenda), study trips and Dižkūres; more of
    /// them lately and at weekends; venues over every territory; community events organised by a
    /// community of the novads, some with one or two others.</summary>
    private async Task<long> SeedEventsAsync(NpgsqlConnection connection, ScaleTargets targets, ReferenceData refData, ScalePlaces places,
        DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(Seed + 3);
        var themeIds = refData.Themes.Select(t => t.Id).ToArray();
        var civic = refData.ThemeBySlug.GetValueOrDefault("civic")?.Id;
        var communitiesByNovads = (await db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Published)
                .Select(c => new { c.Id, c.NovadsId }).ToListAsync(ct))
            .GroupBy(c => c.NovadsId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).Order().ToArray());
        var today = DateOnly.FromDateTime(now.ToRiga().DateTime);
        var first = today.AddYears(-ScaleTargets.Years);
        var span = today.AddDays(60).DayNumber - first.DayNumber;
        var startId = await NextIdAsync(connection, "events", ct);
        var organisers = new List<(int Event, int Community)>();
        var forums = new List<int>();

        await using (var writer = await ImportAsync(connection,
            "COPY events (id, slug, title, kind, description, starts_at, ends_at, venue, territory_id, capacity, status, created_at, updated_at, audience, cancellation_notice, cancelled_at, head_count, municipality_quota, ngo_quota, organising_partnerships, outcome_decisions, outcome_recorded_at, outcome_summary, reminder_hours_before, theme_id, owner_community_id, published_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < targets.Events; i++)
            {
                var id = startId + i;
                // Half the draws take the later of two days: the network grows, so recent years hold more.
                var x = random.NextDouble();
                if (random.Next(2) == 0)
                {
                    x = Math.Max(x, random.NextDouble());
                }

                var day = first.AddDays((int)(x * span));
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && random.Next(10) < 4)
                {
                    day = day.AddDays(DayOfWeek.Saturday - day.DayOfWeek);
                }

                var roll = random.Next(1000);
                var kind = roll < 50 ? EventKind.Forum : roll < 65 ? EventKind.Retreat : roll < 95 ? EventKind.StudyTrip
                    : roll < 345 ? EventKind.Workshop : EventKind.CommunityEvent;
                var (hour, hours) = kind switch
                {
                    EventKind.Forum => (10, 4),
                    EventKind.Retreat => (10, 32),
                    EventKind.StudyTrip => (8, 12),
                    EventKind.Workshop => (new[] { 10, 14, 17, 18 }[random.Next(4)], 3),
                    _ => (new[] { 10, 11, 12, 14, 17, 18 }[random.Next(6)], 2 + random.Next(4)),
                };
                var starts = RigaTime.FromRiga(day.ToDateTime(new TimeOnly(hour, 0)));
                var ends = starts.AddHours(hours);
                var place = places.Pick(random);
                var novads = ScalePlaces.NovadsOf(place);
                var statusRoll = random.Next(100);
                var status = statusRoll < 1 ? EventStatus.Draft : statusRoll < 4 ? EventStatus.Cancelled
                    : starts < now && statusRoll < 65 ? EventStatus.Completed : EventStatus.Published;
                int? capacity = kind switch
                {
                    EventKind.Forum => 80 + 10 * random.Next(13),
                    EventKind.Retreat => 25 + random.Next(16),
                    EventKind.StudyTrip => 35 + random.Next(16),
                    EventKind.Workshop => random.Next(5) < 4 ? 15 + 5 * random.Next(6) : null,
                    _ => random.Next(5) < 2 ? 20 + 10 * random.Next(14) : null,
                };
                int? themeId = kind == EventKind.Forum ? civic : random.Next(10) == 0 ? null : themeIds[random.Next(themeIds.Length)];
                var partnerships = kind switch
                {
                    EventKind.Forum or EventKind.Retreat or EventKind.StudyTrip => 1 + random.Next(3),
                    EventKind.Workshop => random.Next(4),
                    _ => 0,
                };
                var audience = kind == EventKind.Retreat ? EventAudience.LeadersOnly
                    : kind == EventKind.Workshop && random.Next(100) < 3 ? EventAudience.InvitationOnly
                    : EventAudience.Public;

                // Community events are a community's own; some workshops and forums have one too, and
                // about one in six of those is organised together with one or two neighbours.
                int? owner = null;
                if (communitiesByNovads.TryGetValue(novads, out var local)
                    && (kind == EventKind.CommunityEvent || (kind == EventKind.Workshop && random.Next(10) < 3) || (kind == EventKind.Forum && random.Next(10) < 2)))
                {
                    owner = local[random.Next(local.Length)];
                    organisers.Add((id, owner.Value));
                    if (random.Next(100) < 18)
                    {
                        foreach (var partner in Enumerable.Range(0, 1 + random.Next(2)).Select(_ => local[random.Next(local.Length)]).Distinct()
                            .Where(c => c != owner))
                        {
                            organisers.Add((id, partner));
                        }
                    }
                }

                var title = kind switch
                {
                    EventKind.Forum => $"Ideju skrejceļš: {place.Name} {day.Year}",
                    EventKind.Retreat => $"Dižkūre {day.Year}: kopienu līderu retrīts",
                    EventKind.StudyTrip => $"Pieredzes apmaiņas brauciens uz {Destinations[random.Next(Destinations.Length)]}",
                    EventKind.Workshop => $"Darbnīca: {WorkshopTopics[random.Next(WorkshopTopics.Length)]}",
                    _ => $"{Activities[random.Next(Activities.Length)]}: {place.Name}",
                };
                // Announced two to ten weeks ahead; upcoming ones not after today.
                var created = Min(starts.AddDays(-14 - random.Next(60)), now.AddHours(-1 - random.Next(24 * 30)));
                var cancelledAt = status == EventStatus.Cancelled
                    ? Max(created.AddHours(1), Min(starts.AddDays(-1 - random.Next(10)), now)) : (DateTimeOffset?)null;
                var outcome = status == EventStatus.Completed && kind is EventKind.Forum or EventKind.Retreat && random.Next(10) < 7
                    ? ends.AddDays(2) : (DateTimeOffset?)null;
                if (outcome > now)
                {
                    outcome = null;
                }

                await writer.StartRowAsync(ct);
                writer.Write(id, NpgsqlDbType.Integer);
                writer.Write($"{EventSlugPrefix}{i + 1}", NpgsqlDbType.Varchar);
                writer.Write(title, NpgsqlDbType.Varchar);
                writer.Write(kind.ToString(), NpgsqlDbType.Varchar);
                writer.Write($"{title}. Aicinām iedzīvotājus, kopienas un pašvaldības pārstāvjus: {place.Name}.", NpgsqlDbType.Varchar);
                writer.Write(starts, NpgsqlDbType.TimestampTz);
                writer.Write(ends, NpgsqlDbType.TimestampTz);
                writer.Write($"{VenueKinds[random.Next(VenueKinds.Length)]}, {place.Name}", NpgsqlDbType.Varchar);
                writer.Write(place.Id, NpgsqlDbType.Integer);
                Write(writer, capacity);
                writer.Write(status.ToString(), NpgsqlDbType.Varchar);
                writer.Write(created, NpgsqlDbType.TimestampTz);
                writer.Write(outcome ?? cancelledAt ?? created, NpgsqlDbType.TimestampTz);
                writer.Write(audience.ToString(), NpgsqlDbType.Varchar);
                Write(writer, cancelledAt is null ? null : "Pasākums atcelts organizatoru slimības dēļ. Atvainojamies!");
                Write(writer, cancelledAt);
                Write(writer, outcome is null ? null : capacity * (60 + random.Next(40)) / 100);
                Write(writer, kind == EventKind.StudyTrip ? capacity * 25 / 100 : null);
                Write(writer, kind == EventKind.StudyTrip ? capacity * 40 / 100 : null);
                writer.Write(partnerships, NpgsqlDbType.Integer);
                Write(writer, outcome is null ? null : "- Idejas nodotas pašvaldībai izvērtēšanai.\n- Nākamā tikšanās pēc pusgada.");
                Write(writer, outcome);
                Write(writer, outcome is null ? null : $"Dalībnieki no visa novada pārrunāja vietas vajadzības: {place.Name}.");
                writer.Write(48, NpgsqlDbType.Integer);
                Write(writer, themeId);
                Write(writer, owner);
                Write(writer, status == EventStatus.Draft ? null : created);
                if (kind == EventKind.Forum)
                {
                    forums.Add(id);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await ImportAsync(connection, "COPY event_communities (event_id, community_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (eventId, communityId) in organisers)
            {
                await writer.StartRowAsync(ct);
                writer.Write(eventId, NpgsqlDbType.Integer);
                writer.Write(communityId, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync(ct);
        }

        string[][] agenda = [["10.00", "Reģistrācija un kafija"], ["10.30", "Ievads: ko mēs zinām par savu apkaimi"],
            ["11.00", "Darbs piecās tematiskajās grupās"], ["12.30", "Grupu ideju prezentācijas"], ["13.30", "Pašvaldības pārstāvju komentāri un noslēgums"]];
        await using (var writer = await ImportAsync(connection, "COPY forum_groups (event_id, position, name_lv, name_en) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var forum in forums)
            {
                var position = 0;
                foreach (var (nameLv, nameEn) in ForumGroupDefaults.All)
                {
                    await writer.StartRowAsync(ct);
                    writer.Write(forum, NpgsqlDbType.Integer);
                    writer.Write(++position, NpgsqlDbType.Integer);
                    writer.Write(nameLv, NpgsqlDbType.Varchar);
                    writer.Write(nameEn, NpgsqlDbType.Varchar);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await ImportAsync(connection, "COPY agenda_items (event_id, position, time, title) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var forum in forums)
            {
                for (var p = 0; p < agenda.Length; p++)
                {
                    await writer.StartRowAsync(ct);
                    writer.Write(forum, NpgsqlDbType.Integer);
                    writer.Write(p + 1, NpgsqlDbType.Integer);
                    writer.Write(agenda[p][0], NpgsqlDbType.Varchar);
                    writer.Write(agenda[p][1], NpgsqlDbType.Varchar);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('events', 'id'), {startId + targets.Events - 1}); ANALYZE events, event_communities, forum_groups, agenda_items;", ct);
        return targets.Events + organisers.Count + forums.Count * (ForumGroupDefaults.All.Count + agenda.Length);
    }

    /// <summary>Sign-ups for every event but drafts, in the order events happen: people come back
    /// (regulars most), mostly to events in their own novads, and new people keep arriving until
    /// <see cref="ScaleTargets.People"/> have taken part; Dižkūres take leaders only. Places fill in
    /// sign-up order and the rest wait; some cancel. Where the organiser used check-in (nine events
    /// in ten held), about four in five confirmed people are marked at the door, and at forums a few
    /// walk-ins are added there (within the total, each a person of their own). Registrations older
    /// than the retention period are anonymised as the retention job leaves them; every one carries
    /// the people hash, as sign-up sets it.</summary>
    private async Task<long> SeedRegistrationsAsync(NpgsqlConnection connection, ScaleTargets targets, ReferenceData refData, ScalePlaces places,
        DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(Seed + 4);
        var events = await db.Events.AsNoTracking().Where(e => e.Slug.StartsWith(EventSlugPrefix) && e.Status != EventStatus.Draft)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new ScaleEvent(e.Id, e.Kind, e.Status, e.Audience, e.StartsAt, e.EndsAt, e.CreatedAt, e.Capacity, e.TerritoryId))
            .ToListAsync(ct);
        var people = await ScalePeople.LoadAsync(db, targets, places, ct);
        var sizes = RegistrationSizes(events, targets.Registrations, people, now, random);
        var anonymisedBefore = now.AddMonths(-privacy.Value.KeepRegistrationsMonths);

        // New people are taken in a fixed shuffled order, from the venue's novads when it still has some.
        var order = Enumerable.Range(0, people.All.Length).ToArray();
        random.Shuffle(order);
        var unseenAll = new Queue<int>(order);
        var unseenByNovads = order.GroupBy(p => people.All[p].NovadsId).ToDictionary(g => g.Key, g => new Queue<int>(g));
        var seen = new bool[people.All.Length];
        var seenAll = new List<int>();
        var seenByNovads = places.Novadi.ToDictionary(n => n, _ => new List<int>());
        var unseen = people.All.Length;
        // Where the organiser used check-in (nine held events in ten); at those forums a few came
        // without signing up and were added at the door (walk-ins: nobody of the people above).
        var checkIns = events.Select(e => e.StartsAt < now && e.Status is EventStatus.Published or EventStatus.Completed && random.Next(10) > 0).ToArray();
        var walkIns = events.Select((e, k) => checkIns[k] && e.Kind == EventKind.Forum ? Math.Min(sizes[k] / 20, 10) : 0).ToArray();
        long slotsLeft = sizes.Sum() - walkIns.Sum();
        long rows = 0;

        int NextUnseen(int novads)
        {
            var queue = random.Next(10) < 7 && unseenByNovads.TryGetValue(novads, out var q) ? q : unseenAll;
            while (queue.Count > 0 && seen[queue.Peek()])
            {
                queue.Dequeue();
            }

            if (queue.Count == 0)
            {
                queue = unseenAll;
                while (seen[queue.Peek()])
                {
                    queue.Dequeue();
                }
            }

            return queue.Dequeue();
        }

        // Earlier-seen people come back more often: the regulars.
        static int Regular(Random r, int count) => (int)(count * r.NextDouble() * r.NextDouble());

        int Pick(ScaleEvent e, int novads, HashSet<int> taken)
        {
            for (var attempt = 0; ; attempt++)
            {
                int p;
                if (e.Audience == EventAudience.LeadersOnly && people.Leaders.Length > 0)
                {
                    p = people.Leaders[random.Next(people.Leaders.Length)];
                }
                else if (unseen > 0 && (seenAll.Count == 0 || attempt > 20 || random.NextDouble() < (double)unseen / slotsLeft))
                {
                    p = NextUnseen(novads);
                }
                else
                {
                    var pool = random.Next(10) < 7 && seenByNovads[novads].Count > 0 ? seenByNovads[novads] : seenAll;
                    p = pool[Regular(random, pool.Count)];
                }

                if (!taken.Add(p))
                {
                    continue;
                }

                if (!seen[p])
                {
                    seen[p] = true;
                    unseen--;
                    seenAll.Add(p);
                    seenByNovads[people.All[p].NovadsId].Add(p);
                }

                return p;
            }
        }

        var indexes = await DropIndexesAsync(connection, "event_registrations", ct);
        await using (var writer = await ImportAsync(connection,
            "COPY event_registrations (id, event_id, user_id, name, email, participant_type, territory_id, list_consent, culture, status, manage_token_hash, created_at, cancelled_at, checked_in_at, community_id, community_name, reminded_at, anonymised_at, person_hash, email_confirmed_at, quota_approved, walk_in) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var k = 0; k < events.Count; k++)
            {
                var e = events[k];
                var novads = ScalePlaces.NovadsOf(refData.TerritoryById[e.TerritoryId]);
                var checkIn = checkIns[k];
                var opens = Max(e.CreatedAt, e.StartsAt.AddDays(-30));
                var closes = Min(e.StartsAt, now);
                var signUps = Enumerable.Range(0, sizes[k] - walkIns[k]).Select(_ => opens + (closes - opens) * random.NextDouble()).Order().ToArray();
                var anonymised = e.EndsAt < anonymisedBefore;
                var remindAt = e.StartsAt.AddHours(-48);
                var taken = new HashSet<int>();
                var confirmed = 0;
                foreach (var createdAt in signUps)
                {
                    var p = Pick(e, novads, taken);
                    slotsLeft--;
                    var person = people.All[p];
                    var id = RandomGuid(random);
                    var type = e.Audience == EventAudience.LeadersOnly ? ParticipantType.NgoRepresentative : person.Type;
                    RegistrationStatus status;
                    DateTimeOffset? cancelledAt = null;
                    if (random.Next(100) < 5)
                    {
                        status = RegistrationStatus.Cancelled;
                        cancelledAt = createdAt + (closes - createdAt) * random.NextDouble();
                    }
                    else if (e.Capacity is not { } capacity || confirmed < capacity)
                    {
                        status = RegistrationStatus.Confirmed;
                        confirmed++;
                    }
                    else
                    {
                        status = RegistrationStatus.Waitlisted;
                    }

                    var checkedIn = checkIn && status == RegistrationStatus.Confirmed && random.Next(100) < 82
                        ? Min(e.StartsAt.AddMinutes(random.Next(-15, 40)), now) : (DateTimeOffset?)null;
                    var signedIn = person.UserId is not null;
                    var listed = random.Next(4) == 0;
                    var confirmedAddress = signedIn ? createdAt : random.Next(10) < 6 ? createdAt.AddHours(1) : (DateTimeOffset?)null;
                    var reminded = status == RegistrationStatus.Confirmed && remindAt <= now ? Max(remindAt, createdAt) : (DateTimeOffset?)null;

                    await writer.StartRowAsync(ct);
                    writer.Write(id, NpgsqlDbType.Uuid);
                    writer.Write(e.Id, NpgsqlDbType.Integer);
                    Write(writer, anonymised ? null : person.UserId);
                    writer.Write(anonymised ? DeletedPerson.Name : person.Name, NpgsqlDbType.Varchar);
                    writer.Write(anonymised ? DeletedPerson.AnonymisedAddress(id) : person.Email, NpgsqlDbType.Varchar);
                    writer.Write(type.ToString(), NpgsqlDbType.Varchar);
                    writer.Write(person.Home.Id, NpgsqlDbType.Integer);
                    writer.Write(listed && !anonymised, NpgsqlDbType.Boolean);
                    writer.Write(person.Culture, NpgsqlDbType.Varchar);
                    writer.Write(status.ToString(), NpgsqlDbType.Varchar);
                    writer.Write(Sha256(id.ToString()), NpgsqlDbType.Char);
                    writer.Write(createdAt, NpgsqlDbType.TimestampTz);
                    Write(writer, cancelledAt);
                    Write(writer, checkedIn);
                    Write(writer, type == ParticipantType.NgoRepresentative ? person.CommunityId : null);
                    Write(writer, type == ParticipantType.NgoRepresentative ? person.CommunityName : null);
                    Write(writer, reminded);
                    Write(writer, anonymised ? Min(e.EndsAt.AddMonths(privacy.Value.KeepRegistrationsMonths).AddDays(1), now) : null);
                    writer.Write(await people.HashAsync(p, hasher, ct), NpgsqlDbType.Char);
                    Write(writer, confirmedAddress);
                    writer.Write(type == ParticipantType.NgoRepresentative && person.CommunityId is not null && e.Kind == EventKind.StudyTrip, NpgsqlDbType.Boolean);
                    writer.Write(false, NpgsqlDbType.Boolean);
                    rows++;
                }

                for (var n = 0; n < walkIns[k]; n++)
                {
                    // As the check-in page adds them: a type, a home, a random people hash, no address.
                    var id = RandomGuid(random);
                    var type = random.Next(100) switch
                    {
                        < 80 => ParticipantType.Resident,
                        < 92 => ParticipantType.NgoRepresentative,
                        < 96 => ParticipantType.MunicipalityStaff,
                        _ => ParticipantType.Other,
                    };
                    var at = Min(e.StartsAt.AddMinutes(random.Next(0, 45)), now);
                    await writer.StartRowAsync(ct);
                    writer.Write(id, NpgsqlDbType.Uuid);
                    writer.Write(e.Id, NpgsqlDbType.Integer);
                    writer.WriteNull();
                    writer.Write(anonymised ? DeletedPerson.Name : "", NpgsqlDbType.Varchar);
                    writer.Write(anonymised ? DeletedPerson.AnonymisedAddress(id) : DeletedPerson.WalkInAddress(id), NpgsqlDbType.Varchar);
                    writer.Write(type.ToString(), NpgsqlDbType.Varchar);
                    writer.Write(places.PickIn(novads, random).Id, NpgsqlDbType.Integer);
                    writer.Write(false, NpgsqlDbType.Boolean);
                    writer.Write("lv", NpgsqlDbType.Varchar);
                    writer.Write(nameof(RegistrationStatus.Confirmed), NpgsqlDbType.Varchar);
                    writer.Write(Sha256(id.ToString()), NpgsqlDbType.Char);
                    writer.Write(at, NpgsqlDbType.TimestampTz);
                    writer.WriteNull();
                    writer.Write(at, NpgsqlDbType.TimestampTz);
                    writer.WriteNull();
                    writer.WriteNull();
                    writer.WriteNull();
                    Write(writer, anonymised ? Min(e.EndsAt.AddMonths(privacy.Value.KeepRegistrationsMonths).AddDays(1), now) : null);
                    writer.Write(Sha256($"{SlugPrefix}walk-in-{id}"), NpgsqlDbType.Char);
                    writer.WriteNull();
                    writer.Write(false, NpgsqlDbType.Boolean);
                    writer.Write(true, NpgsqlDbType.Boolean);
                    rows++;
                }
            }

            await writer.CompleteAsync(ct);
        }

        await RebuildIndexesAsync(connection, indexes, ct);
        await ExecuteAsync(connection, "ANALYZE event_registrations;", ct);
        return rows;
    }

    /// <summary>How many sign up for each event, adding up to <paramref name="total"/>: events with a
    /// capacity draw from half full to a waiting list, the others around their kind's usual size
    /// (scaled so the whole comes out right); upcoming events have only part of theirs yet.</summary>
    private static int[] RegistrationSizes(List<ScaleEvent> events, int total, ScalePeople people, DateTimeOffset now, Random random)
    {
        var wanted = new double[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var usual = e.Kind switch
            {
                EventKind.Forum => 110,
                EventKind.Retreat => 28,
                EventKind.StudyTrip => 40,
                EventKind.Workshop => 22,
                _ => 40,
            };
            var size = e.Capacity is { } capacity
                ? capacity * (0.55 + 0.7 * random.NextDouble())
                : usual * Math.Exp(0.6 * Gaussian(random) - 0.18);
            if (e.StartsAt > now)
            {
                size *= Math.Clamp(1 - (e.StartsAt - now).TotalDays / 60, 0.2, 1);
            }

            wanted[i] = size;
        }

        // Events without a capacity take up the difference; only if they cannot does everything scale.
        var open = Enumerable.Range(0, events.Count).Where(i => events[i].Capacity is null).ToArray();
        var limited = wanted.Sum() - open.Sum(i => wanted[i]);
        var openFactor = open.Length == 0 ? 0 : (total - limited) / open.Sum(i => wanted[i]);
        var factor = openFactor >= 0.3 ? 1 : total / wanted.Sum();
        var sizes = new int[events.Count];
        for (var i = 0; i < sizes.Length; i++)
        {
            var scaled = wanted[i] * (events[i].Capacity is null && openFactor >= 0.3 ? openFactor : factor);
            sizes[i] = Math.Min(Math.Max(1, (int)Math.Round(scaled)),
                events[i].Audience == EventAudience.LeadersOnly ? people.Leaders.Length : people.All.Length / 2);
        }

        var adjustable = open.Length > 0 ? open : Enumerable.Range(0, events.Count).ToArray();
        adjustable = adjustable.Where(i => events[i].Audience != EventAudience.LeadersOnly).ToArray();
        // Bounded: a tiny country may not hold the total.
        for (var (diff, tries) = (total - sizes.Sum(), 0); diff != 0 && adjustable.Length > 0 && tries < 100 * total; tries++)
        {
            var i = adjustable[random.Next(adjustable.Length)];
            if (diff > 0 && sizes[i] < people.All.Length / 2)
            {
                sizes[i]++;
                diff--;
            }
            else if (diff < 0 && sizes[i] > 1)
            {
                sizes[i]--;
                diff++;
            }
        }

        return sizes;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static void Write(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void Write(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void Write(NpgsqlBinaryImporter writer, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.TimestampTz);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
