using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Digest.Emails;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Digest;

/// <summary>What a follow can reach: the communities an item belongs to, the places it lies in (with
/// every place around them) and its themes.</summary>
public sealed record DigestTopic(IReadOnlyList<int> Communities, IReadOnlyList<int> Places, IReadOnlyList<int> Themes)
{
    public bool IsCoveredBy(DigestFollows follows) =>
        Communities.Any(follows.Communities.Contains) || Places.Any(follows.Places.Contains) || Themes.Any(follows.Themes.Contains);
}

/// <summary>One person's follows, by kind.</summary>
public sealed record DigestFollows(IReadOnlySet<int> Communities, IReadOnlySet<int> Places, IReadOnlySet<int> Themes)
{
    public static DigestFollows Of(IEnumerable<Follow> follows)
    {
        var list = follows.ToList();
        return new DigestFollows(
            list.Where(f => f.CommunityId is not null).Select(f => f.CommunityId!.Value).ToHashSet(),
            list.Where(f => f.TerritoryId is not null).Select(f => f.TerritoryId!.Value).ToHashSet(),
            list.Where(f => f.ThemeId is not null).Select(f => f.ThemeId!.Value).ToHashSet());
    }
}

/// <summary>A week's candidates for the digest, loaded once per run (some twelve thousand rows in a week of the Latvia-scale
/// data): events announced that week and still to come, news published that week, cooperation posts
/// put up that week and open or matched (not withdrawn or hidden), and the municipality's answers given that week.</summary>
public sealed record DigestItems(
    IReadOnlyList<(DigestEventLine Line, DigestTopic Topic)> Events,
    IReadOnlyList<(DigestNewsLine Line, DigestTopic Topic)> News,
    IReadOnlyList<(DigestPostLine Line, DigestTopic Topic)> Posts,
    IReadOnlyDictionary<int, DigestAnswerLine> Answers)
{
    public bool IsEmpty => Events.Count == 0 && News.Count == 0 && Posts.Count == 0 && Answers.Count == 0;

    public static async Task<DigestItems> LoadAsync(AppDbContext db, ReferenceData reference, PublicUrls urls, DigestWeek week,
        DateTimeOffset now, CancellationToken ct)
    {
        var (from, to) = (week.From, week.To);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.PublishedAt >= from && e.PublishedAt < to && e.Status == EventStatus.Published && e.StartsAt > now)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Slug,
                e.Title,
                e.TitleEn,
                e.StartsAt,
                e.EndsAt,
                e.Venue,
                e.TerritoryId,
                e.ThemeId,
                e.OwnerCommunityId,
                Communities = e.Communities.Select(c => c.Id).ToList(),
            })
            .ToListAsync(ct);
        var news = await db.News.AsNoTracking()
            .Where(n => n.PublishedAt >= from && n.PublishedAt < to && n.Community!.Status == CommunityStatus.Published)
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Select(n => new
            {
                n.Id,
                n.Title,
                n.CommunityId,
                Community = n.Community!.Name,
                n.Community.TerritoryId,
                Themes = n.Community.Themes.Select(t => t.Id).ToList(),
            })
            .ToListAsync(ct);
        var posts = await db.CooperationPosts.AsNoTracking()
            .Where(p => p.CreatedAt >= from && p.CreatedAt < to && (p.Status == CooperationStatus.Open || p.Status == CooperationStatus.Matched) && p.Community!.Status == CommunityStatus.Published)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Direction, p.Kind, p.Status, p.CommunityId, Community = p.Community!.Name, p.TerritoryId, p.ThemeId, p.MatchedCommunityId })
            .ToListAsync(ct);
        var answers = await db.IdeaHistory.AsNoTracking()
            .Where(h => h.Kind == IdeaHistoryKind.Answered && h.At >= from && h.At < to)
            .Join(db.Ideas.Where(i => i.Status == IdeaStatus.Published), h => h.IdeaId, i => i.Id, (h, i) => new { i.Id, i.Title, h.Response, h.At })
            .ToListAsync(ct);

        return new DigestItems(
            events.Select(e => (
                new DigestEventLine(new LocalText(e.Title, e.TitleEn), e.StartsAt, e.EndsAt, $"{e.Venue}, {reference.PlaceLine(e.TerritoryId)}", urls.Absolute(Links.Events.Show(e.Slug))),
                new DigestTopic(e.Communities.Concat(e.OwnerCommunityId is { } o ? [o] : []).Distinct().ToList(), reference.ContainingUnits(e.TerritoryId), e.ThemeId is { } t ? [t] : [])))
                .ToList(),
            news.Select(n => (
                new DigestNewsLine(n.Title, n.Community, urls.Absolute(Links.News.Show(n.Id))),
                new DigestTopic([n.CommunityId], reference.ContainingUnits(n.TerritoryId), n.Themes)))
                .ToList(),
            posts.Select(p => (
                new DigestPostLine(p.Title, p.Direction, p.Kind, p.Community, p.Status == CooperationStatus.Matched, urls.Absolute(Links.Cooperation.Show(p.Id))),
                new DigestTopic([p.CommunityId], reference.ContainingUnits(p.TerritoryId), p.ThemeId is { } t ? [t] : [])))
                .ToList(),
            // The latest answer of the week, if an idea was answered twice.
            answers.GroupBy(a => a.Id).Select(g => g.OrderByDescending(a => a.At).First())
                .ToDictionary(a => a.Id, a => new DigestAnswerLine(a.Title, a.Response ?? IdeaResponse.None, urls.Absolute(Links.Ideas.Show(a.Id)))));
    }

    /// <summary>What of the week one person's follows cover, and the answers to their ideas.</summary>
    public WeeklyDigestEmail? For(DigestFollows follows, IEnumerable<int> theirAnsweredIdeas, int sectionLimit, DigestUrls urls)
    {
        var events = Events.Where(x => x.Topic.IsCoveredBy(follows)).Select(x => x.Line).ToList();
        var news = News.Where(x => x.Topic.IsCoveredBy(follows)).Select(x => x.Line).ToList();
        var posts = Posts.Where(x => x.Topic.IsCoveredBy(follows)).Select(x => x.Line).ToList();
        var answers = theirAnsweredIdeas.Distinct().Select(Answers.GetValueOrDefault).OfType<DigestAnswerLine>().ToList();
        if (events.Count + news.Count + posts.Count + answers.Count == 0)
        {
            return null;
        }

        return new WeeklyDigestEmail(
            DigestSection.Of(events, sectionLimit, urls.Events),
            DigestSection.Of(news, sectionLimit, urls.News),
            DigestSection.Of(posts, sectionLimit, urls.Cooperation),
            DigestSection.Of(answers, sectionLimit, urls.Ideas),
            urls.Following, urls.Profile);
    }
}

/// <summary>The portal's lists and the person's settings, as absolute addresses for the digest.</summary>
public sealed record DigestUrls(string Events, string News, string Cooperation, string Ideas, string Following, string Profile)
{
    public static DigestUrls From(PublicUrls urls) => new(urls.Absolute(Links.Events.Index), urls.Absolute(Links.News.Index),
        urls.Absolute(Links.Cooperation.Index), urls.Absolute(Links.Ideas.Index), urls.Absolute(Links.Following.Index), urls.Absolute(Links.Account.Profile));
}
