using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Leaders;

/// <summary>/leaders: community leaders and active residents who agreed to be shown. Names, places,
/// interests and communities only; never contacts.</summary>
[Route("leaders")]
public class LeadersController(AppDbContext db, ReferenceCache reference) : Controller
{
    public const int PageSize = 20;

    [OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["q", "novads", "theme", "page"])]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] LeaderQuery query, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var profiles = db.LeaderProfiles.AsNoTracking().Where(p => p.IsPublic);
        foreach (var word in SearchText.Fold(query.Q?.Length > 200 ? query.Q[..200] : query.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var pattern = "%" + word + "%";
            profiles = profiles.Where(p => EF.Functions.ILike(p.SearchDocument, pattern));
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
        return View(new LeadersViewModel(query, new PagedList<LeaderCard>(cards, page, PageSize, total), refData));
    }
}

public class LeaderQuery
{
    public string? Q { get; set; }
    public string? Novads { get; set; }
    public string? Theme { get; set; }
    public int? Page { get; set; }
}

public sealed record LeaderCommunity(string Name, string Slug, MembershipRole Role);

public sealed record LeaderCard(string Name, string? Bio, string? Place, IReadOnlyList<string> Interests, IReadOnlyList<LeaderCommunity> Communities);

public sealed record LeadersViewModel(LeaderQuery Query, PagedList<LeaderCard> Results, ReferenceData Reference);
