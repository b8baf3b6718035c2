using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Kaimini.Web.Data.Seed;

public partial class ScaleSeeder
{
    /// <summary>Follows of the scale accounts: mostly communities (a few popular ones followed by
    /// thousands), then places (novadi, former novadi, towns and parishes) and themes; each person
    /// follows a target once.</summary>
    private async Task<long> SeedFollowsAsync(NpgsqlConnection connection, ScaleTargets targets, ReferenceData refData, DateTimeOffset now,
        CancellationToken ct)
    {
        var random = new Random(Seed + 10);
        var accounts = await ScaleAccounts().OrderBy(u => u.Id).Select(u => new { u.Id, u.CreatedAt }).ToListAsync(ct);
        var communities = await db.Communities.AsNoTracking().Where(c => c.Slug.StartsWith(SlugPrefix) && c.Status == CommunityStatus.Published)
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var places = refData.OfKind(TerritoryKind.Novads, TerritoryKind.FormerNovads, TerritoryKind.Pilseta, TerritoryKind.Pagasts).Select(t => t.Id).ToArray();
        var themes = refData.Themes.Select(t => t.Id).ToArray();
        if (accounts.Count == 0 || communities.Count == 0)
        {
            return 0;
        }

        // Never more than there are distinct (person, target) pairs.
        var total = (int)Math.Min(targets.Follows, (long)accounts.Count * (communities.Count + places.Length + themes.Length));
        var taken = new HashSet<(int Account, FollowKind Kind, int Target)>();
        var indexes = await DropIndexesAsync(connection, "follows", ct);
        await using (var writer = await ImportAsync(connection,
            "COPY follows (user_id, community_id, territory_id, theme_id, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            while (taken.Count < total)
            {
                var account = random.Next(accounts.Count);
                var roll = random.Next(10);
                var (kind, target) = roll < 6 ? (FollowKind.Community, communities[(int)(communities.Count * Math.Pow(random.NextDouble(), 3))])
                    : roll < 9 ? (FollowKind.Territory, places[random.Next(places.Length)])
                    : (FollowKind.Theme, themes[random.Next(themes.Length)]);
                if (!taken.Add((account, kind, target)))
                {
                    continue;
                }

                var since = accounts[account].CreatedAt;
                await writer.StartRowAsync(ct);
                writer.Write(accounts[account].Id, NpgsqlDbType.Text);
                Write(writer, kind == FollowKind.Community ? target : null);
                Write(writer, kind == FollowKind.Territory ? target : null);
                Write(writer, kind == FollowKind.Theme ? target : null);
                writer.Write(since + (now - since) * random.NextDouble(), NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync(ct);
        }

        await RebuildIndexesAsync(connection, indexes, ct);
        await ExecuteAsync(connection, "ANALYZE follows;", ct);
        return total;
    }
}
