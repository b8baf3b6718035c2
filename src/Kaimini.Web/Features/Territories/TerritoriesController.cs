using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Territories;

[Route("territories")]
public class TerritoriesController(AppDbContext db, TerritoryPage page) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var all = await db.Territories.AsNoTracking()
            .Where(t => t.Kind == TerritoryKind.Novads || t.Kind == TerritoryKind.FormerNovads)
            .OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new TerritoryLink(t.Slug, t.Name, t.Kind))
            .ToListAsync(ct);
        return View(all);
    }

    [OutputCache(PolicyName = PublicPageCache.PlacePolicy)]
    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken ct) =>
        await page.BuildAsync(slug, ct) is { } model ? View(model) : NotFound();
}
