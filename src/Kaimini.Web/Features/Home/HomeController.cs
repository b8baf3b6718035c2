using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Territories;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Home;

public class HomeController(AppDbContext db) : Controller
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        // One query: every territory above village level, grouped in memory (a few dozen rows).
        var rows = await db.Territories.AsNoTracking()
            .Where(t => t.Kind != TerritoryKind.Ciems)
            .OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new
            {
                Link = new TerritoryLink(t.Slug, t.Name, t.Kind),
                t.Id,
                t.NovadsId,
                FormerNovads = t.FormerNovads == null ? null : new TerritoryLink(t.FormerNovads.Slug, t.FormerNovads.Name, t.FormerNovads.Kind),
            })
            .ToListAsync(ct);

        var novadi = rows.Where(r => r.Link.Kind == TerritoryKind.Novads)
            .Select(n =>
            {
                var units = rows.Where(r => r.NovadsId == n.Id).ToList();
                return new NovadsSummary(
                    n.Link,
                    units.Select(u => u.Link).ToList(),
                    units.Select(u => u.FormerNovads).OfType<TerritoryLink>().DistinctBy(f => f.Slug).OrderBy(f => f.Name, Cultures.LatvianComparer).ToList());
            })
            .ToList();
        var former = rows.Where(r => r.Link.Kind == TerritoryKind.FormerNovads).Select(r => r.Link).ToList();
        return View(new HomeViewModel(novadi, former));
    }
}
