using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Cooperation;

/// <summary>Cooperation posts stored directly, as the leaders' form leaves them.</summary>
public static class TestCooperation
{
    public static DateOnly Today(KaiminiApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToRiga().DateTime);

    public static async Task<CooperationPost> CreateAsync(KaiminiApp app, Community community, string title,
        CooperationKind kind = CooperationKind.Volunteers, CooperationDirection direction = CooperationDirection.Request,
        string? territorySlug = null, string? themeSlug = null, int validDays = 30, string body = "Sīkāks apraksts par to, ko meklējam.")
    {
        CooperationPost post = null!;
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var refData = await s.GetRequiredService<ReferenceCache>().GetAsync(CancellationToken.None);
            var territory = territorySlug is null
                ? await db.Territories.SingleAsync(t => t.Id == community.TerritoryId)
                : await db.Territories.SingleAsync(t => t.Slug == territorySlug);
            var now = app.Clock.GetUtcNow();
            post = new CooperationPost
            {
                CommunityId = community.Id,
                Title = title,
                Body = body,
                Kind = kind,
                Direction = direction,
                ThemeId = themeSlug is null ? null : (await db.Themes.SingleAsync(t => t.Slug == themeSlug)).Id,
                ValidUntil = Today(app).AddDays(validDays),
                CreatedAt = now,
                UpdatedAt = now,
            };
            post.PlaceIn(territory);
            post.SearchDocument = CooperationPost.SearchDocumentFor(title, body, refData.PlaceNames(territory.Id));
            db.CooperationPosts.Add(post);
            await db.SaveChangesAsync();
        });
        return post;
    }
}
