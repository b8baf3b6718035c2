using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Shared;

/// <summary>The options of the territory and theme selects, built in one place for every form that
/// has them (rendered by <c>&lt;field items="…"&gt;</c>).</summary>
public static class Choices
{
    /// <summary>Each novads as a group: the novads itself, then its towns, parishes and villages
    /// (a village with its parish), in Latvian order. For where an idea or a community is.</summary>
    public static IReadOnlyList<SelectListItem> Territories(ReferenceData r)
    {
        var items = new List<SelectListItem>();
        foreach (var novads in r.OfKind(TerritoryKind.Novads))
        {
            var group = new SelectListGroup { Name = novads.Name };
            items.Add(new SelectListItem(novads.Name, Value(novads.Id)) { Group = group });
            items.AddRange(r.Territories.Where(t => t.NovadsId == novads.Id)
                .OrderBy(t => r.PlaceLine(t.Id), Cultures.LatvianComparer)
                .Select(t => new SelectListItem(t.Kind == TerritoryKind.Ciems ? $"{t.Name} ({r.TerritoryById[t.ParentId!.Value].Name})" : t.Name, Value(t.Id))
                {
                    Group = group,
                }));
        }

        return items;
    }

    /// <summary>Every town, parish, village and novads as a full place line ("Piņķi, Babītes
    /// pagasts, Mārupes novads"), in Latvian order; former novadi are not places one lives or meets in.</summary>
    public static IReadOnlyList<SelectListItem> Places(ReferenceData r) =>
        r.Territories.Where(t => t.Kind != TerritoryKind.FormerNovads)
            .OrderBy(t => r.PlaceLine(t.Id), Cultures.LatvianComparer)
            .Select(t => new SelectListItem(r.PlaceLine(t.Id), Value(t.Id)))
            .ToList();

    /// <summary>The themes in the reader's language.</summary>
    public static IReadOnlyList<SelectListItem> Themes(ReferenceData r) =>
        r.Themes.Select(t => new SelectListItem(t.Name(Cultures.Current), Value(t.Id))).ToList();

    /// <summary>Filters: the current novadi, by slug.</summary>
    public static IReadOnlyList<SelectListItem> Novadi(ReferenceData r) => BySlug(r.OfKind(TerritoryKind.Novads));

    /// <summary>Filters: the former novadi, by slug, in Latvian order.</summary>
    public static IReadOnlyList<SelectListItem> FormerNovadi(ReferenceData r) =>
        BySlug(r.OfKind(TerritoryKind.FormerNovads).OrderBy(t => t.Name, Cultures.LatvianComparer));

    /// <summary>Filters: towns and parishes, by slug.</summary>
    public static IReadOnlyList<SelectListItem> Parishes(ReferenceData r) => BySlug(r.OfKind(TerritoryKind.Pilseta, TerritoryKind.Pagasts));

    /// <summary>Filters: the themes in the reader's language, by slug.</summary>
    public static IReadOnlyList<SelectListItem> ThemeSlugs(ReferenceData r) =>
        r.Themes.Select(t => new SelectListItem(t.Name(Cultures.Current), t.Slug)).ToList();

    private static IReadOnlyList<SelectListItem> BySlug(IEnumerable<TerritoryInfo> territories) =>
        territories.Select(t => new SelectListItem(t.Name, t.Slug)).ToList();

    /// <summary>Values of an enum, each named by its resource <c>{prefix}.{value}</c>.</summary>
    public static IReadOnlyList<SelectListItem> Of<TEnum>(IEnumerable<TEnum> values, IStringLocalizer t, string prefix)
        where TEnum : struct, Enum =>
        values.Select(v => new SelectListItem(t[$"{prefix}.{v}"], v.ToString())).ToList();

    private static string Value(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
