using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Leaders;

/// <summary>Finds the public leader profiles for /leaders: by words of the name, bio and place,
/// by novads and by theme, a page at a time, alphabetically.</summary>
public class LeaderDirectory(AppDbContext db, ReferenceCache reference)
{
    public const int PageSize = 20;

    public async Task<LeadersViewModel> SearchAsync(LeaderQuery query, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var profiles = db.LeaderProfiles.AsNoTracking().Where(p => p.IsPublic);
        foreach (var word in SearchText.Fold(query.Q?.Length > 200 ? query.Q[..200] : query.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var pattern = "%" + word + "%";
            profiles = profiles.Where(p => EF.Functions.Like(p.SearchDocument, pattern));
        }

        if (query.Novads is not null)
        {
            var inside = refData.TerritoriesInNovads(query.Novads).Select(id => (int?)id).ToList();
            profiles = profiles.Where(p => inside.Contains(p.TerritoryId));
        }

        if (query.Theme is not null)
        {
            var theme = refData.ThemeBySlug.TryGetValue(query.Theme, out var th) ? th.Id : -1;
            profiles = profiles.Where(p => p.Interests.Any(i => i.Id == theme));
        }

        var total = await profiles.CountAsync(ct);
        var page = PagedList<LeaderCard>.Normalize(query.Page);
        var rows = await profiles.OrderBy(p => p.User!.DisplayName).ThenBy(p => p.UserId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.User!.DisplayName,
                p.Bio,
                p.TerritoryId,
                Interests = p.Interests.Select(i => i.Id).ToList(),
                Communities = db.CommunityMemberships.Where(m => m.UserId == p.UserId && m.Community!.Status == CommunityStatus.Published)
                    .Select(m => new { m.Community!.Name, m.Community.Slug, m.Role }).ToList(),
            })
            .ToListAsync(ct);
        var culture = Cultures.Current;
        var cards = rows.Select(r => new LeaderCard(r.DisplayName, r.Bio, r.TerritoryId is { } t ? refData.PlaceLine(t) : null,
            r.Interests.Select(i => refData.ThemeById[i].Name(culture)).ToList(),
            r.Communities.Select(c => new LeaderCommunity(c.Name, c.Slug, c.Role)).ToList())).ToList();
        return new LeadersViewModel(query, new PagedList<LeaderCard>(cards, page, PageSize, total), refData);
    }
}
