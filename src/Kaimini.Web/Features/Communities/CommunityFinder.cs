using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Communities;

/// <summary>Finds published communities as people name them in a form: by exact name (case and
/// diacritics aside) or by their address in the directory (a pasted link ends with the slug).
/// Used where a select of every community would be too long (co-organisers, invitations, who
/// implemented an idea).</summary>
public static class CommunityFinder
{
    public static async Task<Dictionary<string, CommunityChoice>> FindAsync(AppDbContext db, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        if (names.Count == 0)
        {
            return [];
        }

        // A pasted address ends with the slug; a name is compared folded (case and diacritics aside).
        static string? SlugIn(string text) => text.Contains('/') ? text.Trim().TrimEnd('/').Split('/')[^1].ToLowerInvariant() : null;
        var slugs = names.Select(SlugIn).OfType<string>().ToList();
        var prefixes = names.Select(SearchText.Fold).Where(f => f.Length > 0).Select(f => f + "%").ToList();
        // The search document starts with the folded name: a prefix match finds the candidates.
        var candidates = await db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Published
                && (slugs.Contains(c.Slug) || prefixes.Any(p => EF.Functions.Like(c.SearchDocument, p))))
            .Select(c => new CommunityChoice(c.Id, c.Name, c.Slug))
            .Take(200)
            .ToListAsync(ct);
        var result = new Dictionary<string, CommunityChoice>();
        foreach (var name in names)
        {
            var match = SlugIn(name) is { } slug
                ? candidates.FirstOrDefault(c => c.Slug == slug)
                : candidates.FirstOrDefault(c => SearchText.Fold(c.Name) == SearchText.Fold(name));
            if (match is not null)
            {
                result[name] = match;
            }
        }

        return result;
    }

    /// <summary>One community named in a form, or null.</summary>
    public static async Task<CommunityChoice?> FindOneAsync(AppDbContext db, string name, CancellationToken ct) =>
        (await FindAsync(db, [name.Trim()], ct)).Values.FirstOrDefault();
}
