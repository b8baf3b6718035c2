using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Ideas;

/// <summary>What the idea pages read, shared by the public, organiser and municipality pages: a
/// list page is two queries (count and rows) however many ideas it shows, an idea page one (the
/// idea with its history). Names of places, themes and groups come from the reference cache or the
/// same query.</summary>
public class IdeaQueries(AppDbContext db, ReferenceCache reference)
{
    /// <summary>Unknown slugs match nothing (an empty result, not every idea). Search: every typed
    /// word, folded and without its Latvian ending, must occur in the folded title and text
    /// (LIKE on the trigram-indexed search document: both sides are folded to lowercase, and LIKE
    /// reads a row about three times faster than ILIKE, which lowercases every row it tests).</summary>
    public static IQueryable<Idea> Filter(IQueryable<Idea> ideas, IdeasQuery q, ReferenceData refData)
    {
        if (q.Novads is not null)
        {
            var inside = refData.TerritoriesInNovads(q.Novads);
            ideas = ideas.Where(i => inside.Contains(i.TerritoryId));
        }

        if (q.Theme is not null)
        {
            var theme = refData.ThemeBySlug.TryGetValue(q.Theme, out var t) ? t.Id : -1;
            ideas = ideas.Where(i => i.ThemeId == theme);
        }

        if (q.Addressee is { } addressee)
        {
            ideas = ideas.Where(i => i.AddressedTo == addressee);
        }

        if (q.Answer is { } answer)
        {
            ideas = ideas.Where(i => i.Response == answer);
        }

        if (q.Kind is { } kind)
        {
            ideas = ideas.Where(i => i.Kind == kind);
        }

        if (q.Implemented is { } implemented)
        {
            ideas = implemented ? ideas.Where(i => i.ImplementedOn != null) : ideas.Where(i => i.ImplementedOn == null);
        }

        if (q.Forum is not null)
        {
            ideas = ideas.Where(i => i.Event!.Slug == q.Forum);
        }

        foreach (var word in SearchWords(q.SearchText))
        {
            var pattern = $"%{word}%";
            ideas = ideas.Where(i => EF.Functions.Like(i.SearchDocument, pattern));
        }

        return ideas;
    }

    /// <summary>Folded words are letters and digits only, so they carry no LIKE wildcards.</summary>
    public static IReadOnlyList<string> SearchWords(string? typed) =>
        SearchText.Fold(typed).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => SearchText.Stem(w.Length > 40 ? w[..40] : w))
            .Distinct().Take(8).ToList();

    public static IQueryable<Idea> Order(IQueryable<Idea> ideas, string? sort) => sort switch
    {
        "supported" => ideas.OrderByDescending(i => i.SupportCount).ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        "oldest" => ideas.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
        _ => ideas.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
    };

    /// <summary>One page of cards from an ordered query: a count (bounded, <see cref="BoundedCount"/>)
    /// and one query for the rows.</summary>
    public async Task<PagedList<IdeaCard>> PageAsync(IQueryable<Idea> filtered, IQueryable<Idea> ordered, int? page, int pageSize, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var number = PagedList<IdeaCard>.Normalize(page);
        var limit = BoundedCount.Limit(number, pageSize);
        var counted = await filtered.Take(limit + 1).CountAsync(ct);
        var rows = await Cards(ordered.Skip((number - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new PagedList<IdeaCard>(rows.Select(r => r.ToCard(refData)).ToList(), number, pageSize, Math.Min(counted, limit), counted > limit);
    }

    /// <summary>Cards without paging (a forum's ideas), in one query.</summary>
    public async Task<IReadOnlyList<(int? GroupId, IdeaCard Card)>> AllAsync(IQueryable<Idea> ordered, int max, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var rows = await Cards(ordered.Take(max)).ToListAsync(ct);
        return rows.Select(r => (r.ForumGroupId, r.ToCard(refData))).ToList();
    }

    private IQueryable<CardRow> Cards(IQueryable<Idea> ideas) => ideas.Select(i => new CardRow(
        i.Id, i.Title, i.Kind, i.Status, i.Body.Length > 280 ? i.Body.Substring(0, 280) + "…" : i.Body, i.AuthorName, i.TerritoryId,
        i.ThemeId, i.AddressedTo, i.Response, i.SupportCount, i.CreatedAt, i.Event!.Title, i.Event.Slug, i.ForumGroupId,
        db.ForumGroups.Where(g => g.Id == i.ForumGroupId).Select(g => g.NameLv).FirstOrDefault(),
        db.ForumGroups.Where(g => g.Id == i.ForumGroupId).Select(g => g.NameEn).FirstOrDefault(), i.ImplementedOn));

    /// <summary>The idea, its history and whether this person supports it, in one query; null
    /// when there is no such idea.</summary>
    public async Task<IdeaDetails?> DetailsAsync(int id, string? userId, CancellationToken ct)
    {
        var i = await db.Ideas.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.Body,
                i.Kind,
                i.Status,
                i.AuthorName,
                i.TerritoryId,
                i.ThemeId,
                i.AddressedTo,
                i.Response,
                i.SupportCount,
                i.CreatedAt,
                i.PublishedAt,
                i.EventId,
                ForumTitle = i.Event!.Title,
                ForumSlug = i.Event.Slug,
                i.ForumGroupId,
                // Scalar subqueries, each one index probe: a FirstOrDefault of an anonymous object
                // becomes a join to the whole table numbered by ROW_NUMBER (15 ms over the directory).
                GroupLv = db.ForumGroups.Where(g => g.Id == i.ForumGroupId).Select(g => g.NameLv).FirstOrDefault(),
                GroupEn = db.ForumGroups.Where(g => g.Id == i.ForumGroupId).Select(g => g.NameEn).FirstOrDefault(),
                i.HiddenReason,
                i.MergedIntoId,
                i.Source,
                i.ImplementedOn,
                i.ImplementedBy,
                CommunityName = db.Communities.Where(c => c.Id == i.ImplementedByCommunityId).Select(c => c.Name).FirstOrDefault(),
                CommunitySlug = db.Communities.Where(c => c.Id == i.ImplementedByCommunityId && c.Status == CommunityStatus.Published)
                    .Select(c => c.Slug).FirstOrDefault(),
                Supported = userId != null && i.Supports.Any(s => s.UserId == userId),
                Mine = userId != null && i.AuthorId == userId,
                History = i.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                    .Select(h => new IdeaHistoryItem(h.At, h.Kind, h.Response, h.Text, h.ActorName, h.RelatedIdeaId, h.ImplementedOn, h.ImplementedBy,
                        h.ImplementedByName, h.ActorNameHidden)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (i is null)
        {
            return null;
        }

        var refData = await reference.GetAsync(ct);
        var culture = Cultures.Current;
        return new IdeaDetails(i.Id, i.Title, i.Body, i.Kind, i.Status, i.AuthorName, i.TerritoryId, refData.PlaceLine(i.TerritoryId),
            i.ThemeId is { } t && refData.ThemeById.TryGetValue(t, out var theme) ? theme.Name(culture) : null, i.AddressedTo, i.Response,
            i.SupportCount, i.CreatedAt, i.PublishedAt, i.EventId, i.ForumTitle, i.ForumSlug, i.ForumGroupId,
            i.GroupLv is null ? null : LocalName.For(culture, i.GroupLv, i.GroupEn ?? i.GroupLv), i.HiddenReason, i.MergedIntoId,
            i.Supported, i.History)
        {
            IsMine = i.Mine,
            Source = i.Source,
            Municipality = IdeaText.Municipality(refData, i.TerritoryId),
            // The history entry outlives the organiser's account (EnteredById is cleared with it).
            EnteredFromPaper = i.History.Any(h => h.Kind == IdeaHistoryKind.Entered),
            // A community that left the directory is not linked (its page is gone); the history keeps its name.
            Implemented = i.ImplementedOn is { } on && i.ImplementedBy is { } by
                ? new IdeaImplementation(on, by, i.CommunityName, i.CommunitySlug)
                : null,
        };
    }

    /// <summary>How many forums a form offers to choose from, newest first.</summary>
    public const int OfferedForums = 100;

    /// <summary>Forums that gather ideas (published or completed) with their groups, one query: the
    /// newest <see cref="OfferedForums"/>, and the one already chosen when it is older (a link from
    /// its page, an idea already in it). Never the test of whether a forum can take an idea: that is
    /// <see cref="ForumAsync(int, CancellationToken)"/> or <see cref="ForumOfGroupAsync"/>.</summary>
    public async Task<IReadOnlyList<ForumOption>> ForumsAsync(ForumOption? chosen, CancellationToken ct)
    {
        var forums = await OptionsAsync(OpenForums().OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id).Take(OfferedForums), ct);
        if (chosen is not null && forums.All(f => f.Id != chosen.Id))
        {
            forums.Add(chosen);
        }

        return forums;
    }

    public Task<IReadOnlyList<ForumOption>> ForumsAsync(CancellationToken ct) => ForumsAsync(null, ct);

    /// <summary>The newest <see cref="OfferedForums"/> forums for a list's filter, without their groups
    /// (the filter shows titles only; reading five groups for each of them doubled the query's cost on
    /// every list page).</summary>
    public async Task<IReadOnlyList<ForumOption>> FilterForumsAsync(CancellationToken ct) =>
        (await OpenForums().OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id).Take(OfferedForums)
            .Select(e => new { e.Id, e.Slug, e.Title, e.StartsAt })
            .ToListAsync(ct))
        .Select(e => new ForumOption(e.Id, e.Slug, e.Title, e.StartsAt, [])).ToList();

    /// <summary>A forum that can take ideas, however old, by its id; null when there is none.</summary>
    public async Task<ForumOption?> ForumAsync(int eventId, CancellationToken ct) =>
        (await OptionsAsync(OpenForums().Where(e => e.Id == eventId), ct)).SingleOrDefault();

    public async Task<ForumOption?> ForumAsync(string slug, CancellationToken ct) =>
        (await OptionsAsync(OpenForums().Where(e => e.Slug == slug), ct)).SingleOrDefault();

    /// <summary>The forum a thematic group belongs to, when that forum can take ideas.</summary>
    public async Task<ForumOption?> ForumOfGroupAsync(int groupId, CancellationToken ct) =>
        (await OptionsAsync(OpenForums().Where(e => e.Groups.Any(g => g.Id == groupId)), ct)).SingleOrDefault();

    private IQueryable<Event> OpenForums() => db.Events.AsNoTracking()
        .Where(e => e.Kind == EventKind.Forum && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed));

    private static async Task<List<ForumOption>> OptionsAsync(IQueryable<Event> forums, CancellationToken ct)
    {
        var rows = await forums
            .Select(e => new
            {
                e.Id,
                e.Slug,
                e.Title,
                e.StartsAt,
                Groups = e.Groups.OrderBy(g => g.Position).ThenBy(g => g.Id).Select(g => new { g.Id, g.NameLv, g.NameEn }).ToList(),
            })
            .ToListAsync(ct);
        var culture = Cultures.Current;
        return rows.Select(e => new ForumOption(e.Id, e.Slug, e.Title, e.StartsAt,
            e.Groups.Select(g => (g.Id, LocalName.For(culture, g.NameLv, g.NameEn))).ToList())).ToList();
    }

    private sealed record CardRow(int Id, string Title, IdeaKind Kind, IdeaStatus Status, string Excerpt, string AuthorName, int TerritoryId,
        int? ThemeId, IdeaAddressee AddressedTo, IdeaResponse Response, int SupportCount, DateTimeOffset CreatedAt, string? ForumTitle,
        string? ForumSlug, int? ForumGroupId, string? GroupLv, string? GroupEn, DateOnly? ImplementedOn)
    {
        public IdeaCard ToCard(ReferenceData refData)
        {
            var culture = Cultures.Current;
            return new IdeaCard(Id, Title, Kind, Status, Excerpt, AuthorName, refData.PlaceLine(TerritoryId),
                ThemeId is { } t && refData.ThemeById.TryGetValue(t, out var theme) ? theme.Name(culture) : null, AddressedTo, Response,
                SupportCount, CreatedAt, ForumTitle, ForumSlug, GroupLv is null || GroupEn is null ? null : LocalName.For(culture, GroupLv, GroupEn))
            { ImplementedOn = ImplementedOn };
        }
    }
}
