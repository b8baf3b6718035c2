using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data;

/// <summary>A community's themes read from <c>community_themes</c> alone. <c>c.Themes.Any(t =&gt; t.Id == id)</c>
/// joins <c>themes</c> too, and with that join PostgreSQL estimated a theme's communities badly enough
/// to scan and hash all 20,000 communities (the directory's count ~17 ms, its page ~19 ms at Latvia
/// scale) where it now walks the name index and probes the join table's key (~2-4 ms).</summary>
public static class CommunityThemeQueries
{
    public const string CommunityId = "community_id";
    public const string ThemeId = "theme_id";

    /// <summary>Theme ids read as <c>string.Join(",", …)</c> (PostgreSQL's <c>string_agg</c>).</summary>
    public static IEnumerable<int> Ids(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The communities that have the theme.</summary>
    public static IQueryable<Community> WithTheme(this IQueryable<Community> communities, AppDbContext db, int themeId) =>
        communities.Where(c => db.CommunityThemes.Any(x => EF.Property<int>(x, CommunityId) == c.Id && EF.Property<int>(x, ThemeId) == themeId));
}
