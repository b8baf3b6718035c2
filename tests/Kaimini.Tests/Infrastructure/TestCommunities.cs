using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Infrastructure;

/// <summary>Communities stored directly, the way registration and approval leave them.</summary>
public static class TestCommunities
{
    public static async Task<Community> CreateAsync(KaiminiApp app, string name, string territorySlug,
        LegalForm form = LegalForm.Association, CommunityStatus status = CommunityStatus.Published,
        string[]? themes = null, string? description = null, string? leaderId = null, string? publicEmail = null)
    {
        Community community = null!;
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var refData = await s.GetRequiredService<ReferenceCache>().GetAsync(CancellationToken.None);
            var territory = await db.Territories.SingleAsync(t => t.Slug == territorySlug);
            var now = app.Clock.GetUtcNow();
            community = new Community
            {
                Slug = Slug.From(name) + "-" + Guid.NewGuid().ToString("N")[..6],
                Name = name,
                LegalForm = form,
                ShortDescription = $"{name}: īss apraksts.",
                Description = description,
                Status = status,
                PublicEmail = publicEmail,
                CreatedAt = now,
                UpdatedAt = now,
                PublishedAt = status == CommunityStatus.Published ? now : null,
            };
            community.PlaceIn(territory);
            foreach (var slug in themes ?? [])
            {
                community.Themes.Add(await db.Themes.SingleAsync(t => t.Slug == slug));
            }

            community.RefreshSearchDocument(refData.PlaceNames(territory.Id));
            if (leaderId is not null)
            {
                community.Memberships.Add(new CommunityMembership { UserId = leaderId, Role = MembershipRole.Chair, IsLeader = true, CreatedAt = now });
            }

            db.Communities.Add(community);
            await db.SaveChangesAsync();
        });
        return community;
    }
}
