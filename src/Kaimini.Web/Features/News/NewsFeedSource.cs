using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Feeds;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.News;

/// <summary>News in the Atom feeds: published communities' items, the newest first.</summary>
public sealed class NewsFeedSource(AppDbContext db, MarkdownRenderer markdown) : IFeedSource
{
    public const string Key = "news";

    string IFeedSource.Key => Key;

    public async Task<IReadOnlyList<FeedEntry>> EntriesAsync(FeedScope scope, int limit, CancellationToken ct)
    {
        var news = db.News.AsNoTracking().Where(n => n.Community!.Status == CommunityStatus.Published);
        if (scope.CommunityId is { } community)
        {
            news = news.Where(n => n.CommunityId == community);
        }

        if (scope.Territory is { } t)
        {
            var id = t.Id;
            news = t.Kind switch
            {
                TerritoryKind.Novads => news.Where(n => n.Community!.NovadsId == id),
                TerritoryKind.FormerNovads => news.Where(n => n.Community!.FormerNovadsId == id),
                TerritoryKind.Pagasts or TerritoryKind.Pilseta => news.Where(n => n.Community!.ParishId == id),
                _ => news.Where(n => n.Community!.TerritoryId == id),
            };
        }

        var rows = await NewsQueries.Newest(news).Take(limit)
            .Select(n => new { n.Id, n.Title, n.Body, n.PublishedAt, n.UpdatedAt, Community = n.Community!.Name })
            .ToListAsync(ct);
        return rows.Select(n => new FeedEntry(Links.News.Show(n.Id), n.Title, markdown.Render(n.Body), null, n.PublishedAt, n.UpdatedAt, n.Community, Key))
            .ToList();
    }
}
