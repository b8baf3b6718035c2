using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Kaimini.Web.Data.Seed;

public partial class ScaleSeeder
{
    private static readonly (string Title, string Body)[] IdeaSubjects =
    [
        ("Gājēju celiņš līdz stacijai", "Gar ceļu nav ietves, un bērni iet pa brauktuvi."),
        ("Ielu apgaismojums", "Vakaros galvenajā ielā ir pilnīgi tumšs."),
        ("Bērnu rotaļu laukums", "Jaunajām ģimenēm nav kur droši spēlēties ar bērniem."),
        ("Senioru datorprasmju kursi", "Daudzi seniori nemāk lietot internetbanku un e-veselību."),
        ("Šķirošanas konteineri", "Pie mājām ir tikai sadzīves atkritumu konteineri."),
        ("Āra trenažieri parkā", "Pieaugušajiem un senioriem nav kur vingrot svaigā gaisā."),
        ("Kopienas telpa", "Ciemā nav vietas, kur kaimiņiem satikties."),
        ("Velosipēdu novietne", "Pie skolas un veikala nav kur droši atstāt velosipēdu."),
        ("Autobusa pietura ar nojumi", "Lietū un sniegā pieturā nav kur paslēpties."),
        ("Vietējo ražotāju tirdziņš", "Trūkst vietas, kur pirkt vietējo maizi, medu un dārzeņus."),
        ("Jauniešu centrs", "Pēc skolas jauniešiem nav kur pulcēties."),
        ("Laivu piestātne", "Krastā trūkst vietas, kur droši ielaist laivu."),
        ("Koku stādīšana ielās", "Jaunajā ciematā ielās nav neviena koka."),
        ("Dabas taka", "Marķēta taka ar stendiem piesaistītu arī ciemiņus."),
        ("Ātruma vaļņi pie skolas", "Rītos pie skolas braucēji nesamazina ātrumu."),
        ("Suņu pastaigu laukums", "Suņu saimniekiem nav iežogotas vietas pastaigām."),
        ("Bibliotēkas darba laiks sestdienās", "Strādājošiem vecākiem darba dienās nav laika aizvest bērnus."),
        ("Kaimiņu svētki", "Reizi gadā visas ielas kopīgi svētki vienotu kaimiņus."),
        ("Brīvprātīgo ugunsdzēsēju depo", "Līdz tuvākajam depo ir pārāk tālu."),
        ("Slēpošanas trase", "Ziemā mežā varētu iespraust trasi ar vienkāršu apgaismojumu."),
    ];

    private static readonly string[] Replies =
    [
        "Paldies par ierosinājumu! Izvērtēsim to nākamā gada budžeta plānošanā.",
        "Ideja iekļauta investīciju plānā; darbi sāksies nākamajā sezonā.",
        "Darbi ir sākti, un tos pabeigsim līdz gada beigām.",
        "Paveikts: paldies iedzīvotājiem par ierosinājumu un palīdzību.",
        "Šobrīd tam nav finansējuma, un zeme nav pašvaldības īpašumā; atgriezīsimies pie jautājuma, kad tas mainīsies.",
        "Ideja iekļauta novada attīstības programmas rīcības plānā.",
        "Jautājums nav pašvaldības kompetencē; pārsūtījām to atbildīgajai valsts iestādei.",
    ];

    /// <summary>An idea as the history step reads it back.</summary>
    private sealed record ScaleIdea(int Id, IdeaStatus Status, IdeaResponse Response, string? AuthorId, DateTimeOffset CreatedAt,
        DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, int? MergedIntoId, string? HiddenReason,
        DateOnly? ImplementedOn, IdeaImplementer? ImplementedBy, string? ImplementedByName);

    /// <summary>Ideas over the years before today, more of them lately: a quarter written down at the
    /// held forums (attributed to the forum and one of its groups, entered in the days after), the
    /// rest on the portal; themes, places and who can act mixed; most published, some unconfirmed,
    /// hidden or merged. The municipality answers most of the ideas addressed to it, after a median
    /// of about three weeks (the last answer's time is the idea's <c>updated_at</c>; the history step
    /// writes it). An idea answered "done" is implemented by the municipality that day, as the portal
    /// marks it; some ideas for communities and residents are carried out by a community of the
    /// novads or by residents months later. Support counts are those the supports step will write.</summary>
    private async Task<long> SeedIdeasAsync(NpgsqlConnection connection, ScaleTargets targets, ReferenceData refData, ScalePlaces places,
        DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(Seed + 5);
        var people = await ScalePeople.LoadAsync(db, targets, places, ct);
        var accounts = await ScaleAccounts().CountAsync(ct);
        var forums = await db.Events.AsNoTracking()
            .Where(e => e.Slug.StartsWith(EventSlugPrefix) && e.Kind == EventKind.Forum
                && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed) && e.StartsAt < now)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.StartsAt, e.TerritoryId, Groups = e.Groups.OrderBy(g => g.Position).Select(g => g.Id).ToList() })
            .ToListAsync(ct);
        var themeIds = refData.Themes.Select(t => t.Id).ToArray();
        var first = now.AddYears(-ScaleTargets.Years);
        var communitiesByNovads = (await db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Published)
                .Select(c => new { c.Id, c.NovadsId }).ToListAsync(ct))
            .GroupBy(c => c.NovadsId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).Order().ToArray());

        var ideas = new List<IdeaDraft>(targets.Ideas);
        var atForums = forums.Count == 0 ? 0 : targets.Ideas / 4;
        for (var i = 0; i < targets.Ideas; i++)
        {
            var author = people.All[random.Next(people.All.Length)];
            TerritoryInfo place;
            DateTimeOffset created;
            int? eventId = null, groupId = null;
            if (i < atForums)
            {
                var forum = forums[random.Next(forums.Count)];
                var venue = refData.TerritoryById[forum.TerritoryId];
                place = random.Next(10) < 6 ? venue : places.PickIn(ScalePlaces.NovadsOf(venue), random);
                created = Min(forum.StartsAt.AddMinutes(240 + random.Next(72 * 60)), now.AddMinutes(-random.Next(1, 600)));
                eventId = forum.Id;
                groupId = forum.Groups.Count == 0 ? null : forum.Groups[random.Next(forum.Groups.Count)];
            }
            else
            {
                place = random.Next(10) < 7 ? places.PickIn(author.NovadsId, random) : places.Pick(random);
                created = first + (now - first) * Math.Sqrt(random.NextDouble());
            }

            var subject = IdeaSubjects[random.Next(IdeaSubjects.Length)];
            var addressee = random.Next(100) switch
            {
                < 55 => IdeaAddressee.Municipality,
                < 80 => IdeaAddressee.Ngos,
                _ => IdeaAddressee.Residents,
            };
            var statusRoll = random.Next(100);
            var status = statusRoll < 2 ? IdeaStatus.Unconfirmed : statusRoll < 5 ? IdeaStatus.Hidden : statusRoll < 7 ? IdeaStatus.Merged : IdeaStatus.Published;
            var response = IdeaResponse.None;
            var updated = created;
            DateOnly? implementedOn = null;
            IdeaImplementer? implementedBy = null;
            int? implementer = null;
            if (status == IdeaStatus.Published && addressee == IdeaAddressee.Municipality)
            {
                // Days to the answer: log-normal, median three weeks, a long tail.
                var answeredAt = created.AddDays(Math.Exp(Math.Log(21) + Gaussian(random)));
                if (random.Next(100) < 80 && answeredAt < now)
                {
                    response = random.Next(100) switch
                    {
                        < 12 => IdeaResponse.UnderReview,
                        < 30 => IdeaResponse.Accepted,
                        < 40 => IdeaResponse.InPlan,
                        < 50 => IdeaResponse.InProgress,
                        < 66 => IdeaResponse.Done,
                        < 72 => IdeaResponse.Forwarded,
                        _ => IdeaResponse.Declined,
                    };
                    updated = answeredAt;
                    if (response == IdeaResponse.Done)
                    {
                        implementedOn = DateOnly.FromDateTime(answeredAt.ToRiga().DateTime);
                        implementedBy = IdeaImplementer.Municipality;
                    }
                }
            }
            else if (status == IdeaStatus.Published && random.Next(100) < 10)
            {
                // Ideas for communities and residents: some carried out, months later.
                var doneAt = created.AddDays(Math.Exp(Math.Log(120) + 0.7 * Gaussian(random)));
                var novads = ScalePlaces.NovadsOf(place);
                if (doneAt < now && (addressee == IdeaAddressee.Residents || communitiesByNovads.ContainsKey(novads)))
                {
                    implementedOn = DateOnly.FromDateTime(doneAt.ToRiga().DateTime);
                    implementedBy = addressee == IdeaAddressee.Residents ? IdeaImplementer.Residents : IdeaImplementer.Community;
                    implementer = implementedBy == IdeaImplementer.Community
                        ? communitiesByNovads[novads][random.Next(communitiesByNovads[novads].Length)] : null;
                    updated = doneAt;
                }
            }
            else if (status is IdeaStatus.Hidden or IdeaStatus.Merged)
            {
                updated = Min(created.AddHours(2 + random.Next(24 * 20)), now);
            }

            var title = $"{subject.Title}: {place.Name}";
            var body = $"{subject.Body} Tas attiecas uz vietu: {place.Name}. Iesaku to atrisināt kopā ar kaimiņiem.";
            ideas.Add(new IdeaDraft
            {
                Title = title,
                Body = body,
                Kind = random.Next(100) < 65 ? IdeaKind.Idea : IdeaKind.Need,
                ThemeId = random.Next(100) < 8 ? null : themeIds[random.Next(themeIds.Length)],
                TerritoryId = place.Id,
                EventId = eventId,
                GroupId = groupId,
                AddressedTo = addressee,
                Author = author,
                Status = status,
                Response = response,
                CreatedAt = created,
                UpdatedAt = updated,
                ImplementedOn = implementedOn,
                ImplementedBy = implementedBy,
                ImplementedByCommunityId = implementer,
            });
        }

        // Ids rise with time, as the portal's do; a merged idea joins an earlier published one.
        ideas = ideas.OrderBy(i => i.CreatedAt).ToList();
        var startId = await NextIdAsync(connection, "ideas", ct);
        var published = new List<int>();
        for (var i = 0; i < ideas.Count; i++)
        {
            var idea = ideas[i];
            idea.Id = startId + i;
            if (idea.Status == IdeaStatus.Merged)
            {
                if (published.Count == 0)
                {
                    idea.Status = IdeaStatus.Published;
                    idea.UpdatedAt = idea.CreatedAt;
                }
                else
                {
                    idea.MergedIntoId = published[Math.Max(0, published.Count - 1 - random.Next(2000))];
                }
            }

            if (idea.Status == IdeaStatus.Published)
            {
                published.Add(idea.Id);
            }
        }

        var publishedIdeas = ideas.Where(i => i.Status == IdeaStatus.Published).ToList();
        var supportCounts = SupportCounts(publishedIdeas.Select(i => i.CreatedAt).ToList(), targets.Supports, accounts, now);
        for (var i = 0; i < publishedIdeas.Count; i++)
        {
            publishedIdeas[i].SupportCount = supportCounts[i];
        }

        var indexes = await DropIndexesAsync(connection, "ideas", ct);
        await using (var writer = await ImportAsync(connection,
            "COPY ideas (id, title, body, kind, theme_id, territory_id, event_id, forum_group_id, source, addressed_to, author_id, author_name, author_email, culture, status, confirm_token_hash, hidden_reason, merged_into_id, response, implemented_on, implemented_by, implemented_by_community_id, support_count, search_document, created_at, published_at, updated_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var idea in ideas)
            {
                await writer.StartRowAsync(ct);
                writer.Write(idea.Id, NpgsqlDbType.Integer);
                writer.Write(idea.Title, NpgsqlDbType.Varchar);
                writer.Write(idea.Body, NpgsqlDbType.Varchar);
                writer.Write(idea.Kind.ToString(), NpgsqlDbType.Varchar);
                Write(writer, idea.ThemeId);
                writer.Write(idea.TerritoryId, NpgsqlDbType.Integer);
                Write(writer, idea.EventId);
                Write(writer, idea.GroupId);
                writer.Write((idea.EventId is null ? IdeaSource.Portal : IdeaSource.Forum).ToString(), NpgsqlDbType.Varchar);
                writer.Write(idea.AddressedTo.ToString(), NpgsqlDbType.Varchar);
                Write(writer, idea.Author.UserId);
                writer.Write(idea.Author.Name, NpgsqlDbType.Varchar);
                writer.Write(idea.Author.Email, NpgsqlDbType.Varchar);
                writer.Write(idea.Author.Culture, NpgsqlDbType.Varchar);
                writer.Write(idea.Status.ToString(), NpgsqlDbType.Varchar);
                Write(writer, idea.Status == IdeaStatus.Unconfirmed ? Sha256($"{SlugPrefix}idea-{idea.Id}") : null);
                Write(writer, idea.Status == IdeaStatus.Hidden ? "Ideja neatbilst portāla noteikumiem: tajā ir reklāma." : null);
                Write(writer, idea.MergedIntoId);
                writer.Write(idea.Response.ToString(), NpgsqlDbType.Varchar);
                if (idea.ImplementedOn is { } on)
                {
                    writer.Write(on, NpgsqlDbType.Date);
                }
                else
                {
                    writer.WriteNull();
                }

                Write(writer, idea.ImplementedBy?.ToString());
                Write(writer, idea.ImplementedByCommunityId);
                writer.Write(idea.SupportCount, NpgsqlDbType.Integer);
                writer.Write(Idea.SearchDocumentFor(idea.Title, idea.Body), NpgsqlDbType.Varchar);
                writer.Write(idea.CreatedAt, NpgsqlDbType.TimestampTz);
                Write(writer, idea.Status == IdeaStatus.Unconfirmed ? null : idea.CreatedAt.AddMinutes(5));
                writer.Write(idea.UpdatedAt, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync(ct);
        }

        await RebuildIndexesAsync(connection, indexes, ct);
        await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('ideas', 'id'), {startId + ideas.Count - 1}); ANALYZE ideas;", ct);
        return ideas.Count;
    }

    /// <summary>Each idea's history as the portal writes it: submitted and published by the author,
    /// hidden or merged by an organiser, and the municipality's answers — for some a first "under
    /// review" on the way to the final answer at the idea's <c>updated_at</c>.</summary>
    private async Task<long> SeedIdeaHistoryAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var random = new Random(Seed + 6);
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.AuthorEmail!.StartsWith(SlugPrefix)).OrderBy(i => i.Id)
            .Select(i => new ScaleIdea(i.Id, i.Status, i.Response, i.AuthorId, i.CreatedAt, i.PublishedAt, i.UpdatedAt, i.MergedIntoId, i.HiddenReason,
                i.ImplementedOn, i.ImplementedBy, db.Communities.Where(c => c.Id == i.ImplementedByCommunityId).Select(c => c.Name).FirstOrDefault()))
            .ToListAsync(ct);
        long rows = 0;
        var indexes = await DropIndexesAsync(connection, "idea_history", ct);
        await using (var writer = await ImportAsync(connection,
            "COPY idea_history (idea_id, at, kind, response, text, actor_id, actor_name, related_idea_id, implemented_on, implemented_by, implemented_by_name) FROM STDIN (FORMAT BINARY)", ct))
        {
            async Task EntryAsync(ScaleIdea idea, DateTimeOffset at, IdeaHistoryKind kind, IdeaResponse? response = null, string? text = null,
                string? actorId = null, string? actorName = null, int? related = null, bool implemented = false)
            {
                await writer.StartRowAsync(ct);
                writer.Write(idea.Id, NpgsqlDbType.Integer);
                writer.Write(at, NpgsqlDbType.TimestampTz);
                writer.Write(kind.ToString(), NpgsqlDbType.Varchar);
                Write(writer, response?.ToString());
                Write(writer, text);
                Write(writer, actorId);
                Write(writer, actorName);
                Write(writer, related);
                if (implemented && idea.ImplementedOn is { } on)
                {
                    writer.Write(on, NpgsqlDbType.Date);
                    Write(writer, idea.ImplementedBy?.ToString());
                    Write(writer, idea.ImplementedByName);
                }
                else
                {
                    writer.WriteNull();
                    writer.WriteNull();
                    writer.WriteNull();
                }

                rows++;
            }

            foreach (var idea in ideas)
            {
                await EntryAsync(idea, idea.CreatedAt, IdeaHistoryKind.Submitted, actorId: idea.AuthorId);
                if (idea.PublishedAt is { } publishedAt)
                {
                    await EntryAsync(idea, publishedAt, IdeaHistoryKind.Published, actorId: idea.AuthorId);
                }

                switch (idea.Status)
                {
                    case IdeaStatus.Hidden:
                        await EntryAsync(idea, idea.UpdatedAt, IdeaHistoryKind.Hidden, text: idea.HiddenReason, actorName: "Organizators");
                        break;
                    case IdeaStatus.Merged:
                        await EntryAsync(idea, idea.UpdatedAt, IdeaHistoryKind.Merged, actorName: "Organizators", related: idea.MergedIntoId);
                        break;
                }

                if (idea.Response != IdeaResponse.None)
                {
                    if (idea.Response != IdeaResponse.UnderReview && random.Next(10) < 4)
                    {
                        var first = idea.CreatedAt + (idea.UpdatedAt - idea.CreatedAt) * (0.2 + 0.6 * random.NextDouble());
                        await EntryAsync(idea, first, IdeaHistoryKind.Answered, IdeaResponse.UnderReview, Replies[0], actorName: "Pašvaldība");
                    }

                    var reply = idea.Response switch
                    {
                        IdeaResponse.UnderReview => Replies[0],
                        IdeaResponse.Accepted => Replies[1],
                        IdeaResponse.InProgress => Replies[2],
                        IdeaResponse.Done => Replies[3],
                        IdeaResponse.InPlan => Replies[5],
                        IdeaResponse.Forwarded => Replies[6],
                        _ => Replies[4],
                    };
                    await EntryAsync(idea, idea.UpdatedAt, IdeaHistoryKind.Answered, idea.Response, reply, actorName: "Pašvaldība");
                }

                // Answering "done" marks the idea implemented by the municipality at the same moment;
                // others were marked by staff when a community or residents had carried them out.
                if (idea.ImplementedOn is not null)
                {
                    await EntryAsync(idea, idea.UpdatedAt, IdeaHistoryKind.Implemented, actorName: "Pašvaldība", implemented: true);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await RebuildIndexesAsync(connection, indexes, ct);
        await ExecuteAsync(connection, "ANALYZE idea_history;", ct);
        return rows;
    }

    /// <summary>Supports of published ideas by scale accounts, once per idea and account (a few by
    /// accounts since deleted: no account), most in the weeks after publication. The counts are those
    /// the ideas step stored; they are set again only where they differ.</summary>
    private async Task<long> SeedSupportsAsync(NpgsqlConnection connection, ScaleTargets targets, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(Seed + 8);
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.AuthorEmail!.StartsWith(SlugPrefix) && i.Status == IdeaStatus.Published)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.CreatedAt, i.PublishedAt }).ToListAsync(ct);
        var accounts = (await ScaleAccounts().Select(u => u.Id).ToListAsync(ct)).Order(StringComparer.Ordinal).ToArray();
        var counts = SupportCounts(ideas.Select(i => i.CreatedAt).ToList(), targets.Supports, accounts.Length, now);
        long rows = 0;
        var indexes = await DropIndexesAsync(connection, "idea_supports", ct);
        await using (var writer = await ImportAsync(connection, "COPY idea_supports (idea_id, user_id, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            var chosen = new HashSet<int>();
            for (var i = 0; i < ideas.Count; i++)
            {
                var published = ideas[i].PublishedAt ?? ideas[i].CreatedAt;
                chosen.Clear();
                while (chosen.Count < counts[i])
                {
                    chosen.Add(random.Next(accounts.Length));
                }

                foreach (var account in chosen)
                {
                    var at = published.AddDays(-12 * Math.Log(1 - random.NextDouble()));
                    if (at >= now)
                    {
                        at = published + (now - published) * random.NextDouble();
                    }

                    await writer.StartRowAsync(ct);
                    writer.Write(ideas[i].Id, NpgsqlDbType.Integer);
                    // One in two hundred supporters has since deleted the account: the support stays.
                    Write(writer, random.Next(200) == 0 ? null : accounts[account]);
                    writer.Write(at, NpgsqlDbType.TimestampTz);
                    rows++;
                }
            }

            await writer.CompleteAsync(ct);
        }

        await RebuildIndexesAsync(connection, indexes, ct);
        await ExecuteAsync(connection, $"""
            UPDATE ideas SET support_count = s.n
            FROM (SELECT idea_id, count(*)::integer AS n FROM idea_supports GROUP BY idea_id) s
            WHERE ideas.id = s.idea_id AND ideas.author_email LIKE '{SlugPrefix}%' AND ideas.support_count <> s.n;
            ANALYZE idea_supports;
            """, ct);
        return rows;
    }

    /// <summary>Accounts of the scale data (leaders and residents): who supports ideas.</summary>
    private IQueryable<AppUser> ScaleAccounts() => db.Users.AsNoTracking().Where(u => u.Email!.StartsWith(SlugPrefix));

    /// <summary>How many supports each published idea gets (in the order given), adding up to
    /// <paramref name="total"/>: a long tail (most a few, some hundreds), less for the newest ideas.
    /// Both the ideas step (the stored count) and the supports step (the rows) use it.</summary>
    private static int[] SupportCounts(IReadOnlyList<DateTimeOffset> published, int total, int accounts, DateTimeOffset now)
    {
        if (published.Count == 0 || accounts == 0)
        {
            return new int[published.Count];
        }

        var random = new Random(Seed + 7);
        var weights = published.Select(p => Math.Exp(1.3 * Gaussian(random)) * Math.Min(1, 0.1 + (now - p).TotalDays / 60)).ToArray();
        var factor = total / weights.Sum();
        var cap = Math.Max(1, accounts / 2);
        var counts = weights.Select(w => Math.Min(cap, (int)Math.Round(w * factor))).ToArray();
        for (var diff = Math.Min(total, (long)cap * counts.Length) - counts.Sum(); diff != 0;)
        {
            var i = random.Next(counts.Length);
            if (diff > 0 && counts[i] < cap)
            {
                counts[i]++;
                diff--;
            }
            else if (diff < 0 && counts[i] > 0)
            {
                counts[i]--;
                diff++;
            }
        }

        return counts;
    }

    /// <summary>An idea being made up, before it is written.</summary>
    private sealed class IdeaDraft
    {
        public int Id { get; set; }
        public required string Title { get; init; }
        public required string Body { get; init; }
        public IdeaKind Kind { get; init; }
        public int? ThemeId { get; init; }
        public int TerritoryId { get; init; }
        public int? EventId { get; init; }
        public int? GroupId { get; init; }
        public IdeaAddressee AddressedTo { get; init; }
        public required ScalePerson Author { get; init; }
        public IdeaStatus Status { get; set; }
        public IdeaResponse Response { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; set; }
        public int? MergedIntoId { get; set; }
        public int SupportCount { get; set; }
        public DateOnly? ImplementedOn { get; init; }
        public IdeaImplementer? ImplementedBy { get; init; }
        public int? ImplementedByCommunityId { get; init; }
    }
}
