using System.Globalization;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Kaimini.Web.Features.Events;

/// <summary>Where a participant lives: a town or parish of the network, or somewhere else. Somewhere
/// else is stored as no territory (reports count such a person in no unit) and travels in forms as
/// <see cref="Elsewhere"/>, so the required field has an answer for everyone.</summary>
public static class HomeTerritory
{
    public const int Elsewhere = 0;

    /// <summary>The towns and parishes offered, in Latvian order.</summary>
    public static IEnumerable<TerritoryInfo> Choices(ReferenceData reference) =>
        reference.Territories.Where(t => t.Kind is TerritoryKind.Pagasts or TerritoryKind.Pilseta).OrderBy(t => t.Name, Cultures.LatvianComparer);

    /// <summary>The options of a home territory select (sign-up, registration, walk-in), with
    /// "somewhere else" last when its text is given.</summary>
    public static IReadOnlyList<SelectListItem> Items(ReferenceData reference, string? elsewhere = null)
    {
        var items = Choices(reference).Select(t => new SelectListItem(t.Name, t.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        if (elsewhere is not null)
        {
            items.Add(new SelectListItem(elsewhere, Elsewhere.ToString(CultureInfo.InvariantCulture)));
        }

        return items;
    }

    public static bool IsKnown(ReferenceData reference, int chosen) => chosen == Elsewhere || reference.TerritoryById.ContainsKey(chosen);

    public static int? ToStored(int? chosen) => chosen == Elsewhere ? null : chosen;

    public static int ToForm(int? stored) => stored ?? Elsewhere;
}

