using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Territories;

/// <summary>A territory's page: where it lies, its units (a former novads: those that lay in it until
/// 2021), the communities in it and what is on there.</summary>
public class TerritoryPage(AppDbContext db, ReferenceCache reference, Shared.WhatsOnQueries whatsOn)
{
    private const int ShownCommunities = 10;

    /// <summary>The page of the territory with this slug; null when there is none.</summary>
    public async Task<TerritoryViewModel?> BuildAsync(string slug, CancellationToken ct)
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
            return null;
        }

        // A former novads has no children of its own: its units are those that lay in it until 2021.
        var units = await db.Territories.AsNoTracking()
            .Where(t => territory.Kind == TerritoryKind.FormerNovads
                ? t.FormerNovadsId == territory.Id && t.Kind != TerritoryKind.Ciems
                : t.ParentId == territory.Id)
            .OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new TerritoryLink(t.Slug, t.Name, t.Kind))
            .ToListAsync(ct);

        // Communities in this territory (or in what it contains), on the directory's indexed columns.
        var communities = db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Published);
        var id = territory.Id;
        (communities, var directoryUrl) = territory.Kind switch
        {
            TerritoryKind.Novads => (communities.Where(c => c.NovadsId == id), Links.Communities.In("novads", slug)),
            TerritoryKind.FormerNovads => (communities.Where(c => c.FormerNovadsId == id), Links.Communities.In("former", slug)),
            TerritoryKind.Pagasts or TerritoryKind.Pilseta => (communities.Where(c => c.ParishId == id), Links.Communities.In("place", slug)),
            _ => (communities.Where(c => c.TerritoryId == id), Links.Communities.Index),
        };
        var count = await communities.CountAsync(ct);
        var refData = await reference.GetAsync(ct);
        var culture = Cultures.Current;
        var cards = (await communities.OrderBy(c => c.Name).Take(ShownCommunities)
                .Select(c => new
                {
                    c.Slug,
                    c.Name,
                    c.ShortDescription,
                    c.ShortDescriptionEn,
                    c.LegalForm,
                    c.Verified,
                    c.TerritoryId,
                    ThemeIds = string.Join(",", db.CommunityThemes.Where(x => EF.Property<int>(x, CommunityThemeQueries.CommunityId) == c.Id)
                    .Select(x => EF.Property<int>(x, CommunityThemeQueries.ThemeId).ToString()))
                })
                .ToListAsync(ct))
            .Select(c => new Communities.CommunityCard(c.Slug, c.Name, new LocalText(c.ShortDescription, c.ShortDescriptionEn), c.LegalForm, c.Verified, refData.PlaceLine(c.TerritoryId),
                CommunityThemeQueries.Ids(c.ThemeIds).Select(t => refData.ThemeById[t]).OrderBy(t => t.Id).Select(t => t.Name(culture)).ToList()))
            .ToList();

        var info = refData.TerritoryById[territory.Id];
        var (eventsUrl, ideasUrl) = refData.ListsFor(info);
        var activity = await whatsOn.ForAsync(refData.UnitsWithin(info), null, eventsUrl, ideasUrl, ct);
        return new TerritoryViewModel(territory.Name, territory.Kind, territory.Parent, territory.Novads, territory.FormerNovads, units,
            cards, count, directoryUrl, activity, territory.Id, slug);
    }
}
