using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data;

/// <summary>Territories and themes change only when reference data is seeded, yet nearly every
/// page names them: they are read once per process and kept, so pages need no query for them.</summary>
public class ReferenceCache(IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ReferenceData? _data;

    public async Task<ReferenceData> GetAsync(CancellationToken ct)
    {
        if (_data is { } data)
        {
            return data;
        }

        await _lock.WaitAsync(ct);
        try
        {
            if (_data is not null)
            {
                return _data;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var territories = await db.Territories.AsNoTracking()
                .OrderBy(t => t.Name)
                .Select(t => new TerritoryInfo(t.Id, t.Slug, t.Name, t.Kind, t.ParentId, t.NovadsId, t.FormerNovadsId, GeoPoint.Of(t.Latitude, t.Longitude)))
                .ToListAsync(ct);
            var themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder)
                .Select(t => new ThemeInfo(t.Id, t.Slug, t.NameLv, t.NameEn))
                .ToListAsync(ct);
            _data = new ReferenceData(territories, themes);
            return _data;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>After seeding: the next request reads the tables again.</summary>
    public void Invalidate() => _data = null;
}

public sealed record TerritoryInfo(int Id, string Slug, string Name, TerritoryKind Kind, int? ParentId, int? NovadsId, int? FormerNovadsId, GeoPoint? Point = null);

public sealed record ThemeInfo(int Id, string Slug, string NameLv, string NameEn) : ILocalName
{
    public string Name(string culture) => this.NameFor(culture);
}

public sealed class ReferenceData
{
    public ReferenceData(IReadOnlyList<TerritoryInfo> territories, IReadOnlyList<ThemeInfo> themes)
    {
        Territories = territories;
        Themes = themes;
        TerritoryById = territories.ToDictionary(t => t.Id);
        TerritoryBySlug = territories.ToDictionary(t => t.Slug);
        ThemeById = themes.ToDictionary(t => t.Id);
        ThemeBySlug = themes.ToDictionary(t => t.Slug);
    }

    /// <summary>In Latvian order of name.</summary>
    public IReadOnlyList<TerritoryInfo> Territories { get; }
    public IReadOnlyList<ThemeInfo> Themes { get; }
    public IReadOnlyDictionary<int, TerritoryInfo> TerritoryById { get; }
    public IReadOnlyDictionary<string, TerritoryInfo> TerritoryBySlug { get; }
    public IReadOnlyDictionary<int, ThemeInfo> ThemeById { get; }
    public IReadOnlyDictionary<string, ThemeInfo> ThemeBySlug { get; }

    public IEnumerable<TerritoryInfo> OfKind(params TerritoryKind[] kinds) => Territories.Where(t => kinds.Contains(t.Kind));

    /// <summary>A place something can be in or someone can live in: any known territory but a former
    /// novads, which names only a filter since 2021.</summary>
    public bool IsPlace(int territoryId) =>
        TerritoryById.TryGetValue(territoryId, out var territory) && territory.Kind != TerritoryKind.FormerNovads;

    /// <summary>The novads with this slug and every unit inside it; empty for an unknown slug.</summary>
    public IReadOnlyList<int> TerritoriesInNovads(string slug) =>
        TerritoryBySlug.TryGetValue(slug, out var novads) && novads.Kind == TerritoryKind.Novads
            ? Territories.Where(t => t.Id == novads.Id || t.NovadsId == novads.Id).Select(t => t.Id).ToList()
            : [];

    /// <summary>Every unit that lay in the former novads with this slug; empty for an unknown slug.</summary>
    public IReadOnlyList<int> TerritoriesInFormerNovads(string slug) =>
        TerritoryBySlug.TryGetValue(slug, out var former) && former.Kind == TerritoryKind.FormerNovads
            ? Territories.Where(t => t.FormerNovadsId == former.Id || (t.ParentId is { } p && TerritoryById[p].FormerNovadsId == former.Id))
                .Select(t => t.Id).ToList()
            : [];

    /// <summary>The unit and every unit inside it: a novads, a former novads (by either hierarchy),
    /// or a pilsēta or pagasts with its villages.</summary>
    public IReadOnlyList<int> UnitsWithin(TerritoryInfo territory) => territory.Kind switch
    {
        TerritoryKind.Novads => TerritoriesInNovads(territory.Slug),
        TerritoryKind.FormerNovads => TerritoriesInFormerNovads(territory.Slug),
        _ => Territories.Where(u => u.Id == territory.Id || u.ParentId == territory.Id).Select(u => u.Id).ToList(),
    };

    /// <summary>The unit and every unit it lies in: its parish or town, its current novads and its former
    /// novads (what a follow of a place covers).</summary>
    public IReadOnlyList<int> ContainingUnits(int territoryId)
    {
        var units = new List<int>();
        for (var t = TerritoryById.GetValueOrDefault(territoryId); t is not null; t = t.ParentId is { } p ? TerritoryById.GetValueOrDefault(p) : null)
        {
            units.Add(t.Id);
            units.AddRange(new[] { t.NovadsId, t.FormerNovadsId }.OfType<int>());
        }

        return units.Distinct().ToList();
    }

    /// <summary>The current novads a territory lies in (itself for a novads); null for a former novads.</summary>
    public TerritoryInfo? NovadsOf(TerritoryInfo territory) =>
        territory.Kind == TerritoryKind.Novads ? territory : territory.NovadsId is { } n ? TerritoryById.GetValueOrDefault(n) : null;

    /// <summary>The current novads of the territory with this id, if there is one.</summary>
    public TerritoryInfo? NovadsOf(int territoryId) => TerritoryById.TryGetValue(territoryId, out var t) ? NovadsOf(t) : null;

    /// <summary>The lists of events and ideas narrowed to a place as far as their filters go (a
    /// novads or former novads; a town or parish by its novads).</summary>
    public (string Events, string Ideas) ListsFor(TerritoryInfo territory)
    {
        if (territory.Kind == TerritoryKind.FormerNovads)
        {
            return (Links.Events.In("former", territory.Slug), Links.Ideas.Index);
        }

        var novads = NovadsOf(territory);
        return novads is null
            ? (Links.Events.Index, Links.Ideas.Index)
            : (Links.Events.In("novads", novads.Slug), Links.Ideas.In("novads", novads.Slug));
    }

    /// <summary>"Piņķi, Babītes pagasts, Mārupes novads": the place and what it lies in.</summary>
    /// <summary>A territory's point on the map, or the nearest one up its parents (a ciems without
    /// coordinates lies in its pagasts).</summary>
    public GeoPoint? PointOf(int territoryId)
    {
        for (var id = (int?)territoryId; id is { } current && TerritoryById.TryGetValue(current, out var t); id = t.ParentId ?? t.NovadsId)
        {
            if (t.Point is { } point)
            {
                return point;
            }
        }

        return null;
    }

    public string PlaceLine(int territoryId)
    {
        var parts = new List<string>();
        for (var t = TerritoryById.GetValueOrDefault(territoryId); t is not null; t = t.ParentId is { } p ? TerritoryById.GetValueOrDefault(p) : null)
        {
            parts.Add(t.Name);
        }

        return string.Join(", ", parts);
    }

    /// <summary>Every name a community's place is known by, for its search document.</summary>
    public IEnumerable<string> PlaceNames(int territoryId)
    {
        var t = TerritoryById[territoryId];
        var names = new List<string>();
        for (var u = t; u is not null; u = u.ParentId is { } p ? TerritoryById.GetValueOrDefault(p) : null)
        {
            names.Add(u.Name);
        }

        if (t.FormerNovadsId is { } f)
        {
            names.Add(TerritoryById[f].Name);
        }

        return names.Distinct();
    }
}
