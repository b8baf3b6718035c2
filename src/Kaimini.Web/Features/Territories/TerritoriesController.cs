using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Territories;

[Route("territories")]
public class TerritoriesController(AppDbContext db) : Controller
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

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        var territory = await db.Territories.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new
            {
                t.Id,
                t.Name,
                t.Kind,
                Parent = t.Parent == null ? null : new TerritoryLink(t.Parent.Slug, t.Parent.Name, t.Parent.Kind),
                Novads = t.Novads == null ? null : new TerritoryLink(t.Novads.Slug, t.Novads.Name, t.Novads.Kind),
                FormerNovads = t.FormerNovads == null ? null : new TerritoryLink(t.FormerNovads.Slug, t.FormerNovads.Name, t.FormerNovads.Kind),
            })
            .SingleOrDefaultAsync(ct);
        if (territory is null)
        {
            return NotFound();
        }

        // A former novads has no children of its own: its units are those that lay in it until 2021.
        var units = await db.Territories.AsNoTracking()
            .Where(t => territory.Kind == TerritoryKind.FormerNovads
                ? t.FormerNovadsId == territory.Id && t.Kind != TerritoryKind.Ciems
                : t.ParentId == territory.Id)
            .OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new TerritoryLink(t.Slug, t.Name, t.Kind))
            .ToListAsync(ct);

        return View(new TerritoryViewModel(territory.Name, territory.Kind, territory.Parent, territory.Novads, territory.FormerNovads, units));
    }
}
