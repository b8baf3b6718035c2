using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Territories;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Home;

/// <summary>The home page: the current novadi with their towns and parishes (and the former novadi
/// they overlap), the former novadi, the next gatherings and the newest ideas.</summary>
public class HomePage(AppDbContext db, ReferenceCache reference, TimeProvider clock)
{
    public async Task<HomeViewModel> BuildAsync(CancellationToken ct)
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

        // What is on: the next gatherings and the newest ideas (one query each).
        var now = clock.GetUtcNow();
        var refData = await reference.GetAsync(ct);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published).Where(Event.NotOverAt(now))
            .OrderBy(e => e.StartsAt).Take(3)
            .Select(e => new Events.EventCardRow(e.Slug, e.Title, e.TitleEn, e.Kind, e.Status, e.Audience, e.StartsAt, e.EndsAt, e.Venue, e.TerritoryId))
            .ToListAsync(ct);
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => i.Status == IdeaStatus.Published)
            .OrderByDescending(i => i.PublishedAt).Take(3)
            .Select(i => new HomeIdea(i.Id, i.Title, i.SupportCount, i.TerritoryId))
            .ToListAsync(ct);
        return new HomeViewModel(novadi, former, events.Select(e => e.ToCard(refData)).ToList(),
            ideas.Select(i => i with { Place = refData.PlaceLine(i.TerritoryId) }).ToList());
    }
}
