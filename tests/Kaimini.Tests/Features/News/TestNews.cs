using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;

namespace Kaimini.Tests.Features.News;

/// <summary>News stored directly, as a leader's form leaves it.</summary>
public static class TestNews
{
    public static async Task<NewsItem> CreateAsync(KaiminiApp app, int communityId, string title, string body = "Teksts.", string? link = null,
        DateTimeOffset? publishedAt = null)
    {
        var item = NewsItem.Publish(communityId, title, body, link, publishedAt ?? app.Clock.GetUtcNow());
        await app.WithDbAsync(async db =>
        {
            db.News.Add(item);
            return await db.SaveChangesAsync();
        });
        return item;
    }
}
