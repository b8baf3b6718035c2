using Kaimini.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Infrastructure.Privacy;

/// <summary>Gives every registration made before the migration <see cref="RequiredFrom"/> its people
/// hash. The hash needs the key (<see cref="PersonHasher"/>: configuration, or a secret stored
/// encrypted with the data-protection keys), which SQL does not have, so a migration cannot compute
/// it: <c>DatabaseInitializer</c> migrates up to the migration before that one, runs this, then
/// applies the rest, whose migration makes the column required (and refuses, with a message saying
/// why, if a row still lacks it). It touches only rows without a hash, so running it twice is harmless.</summary>
public class PersonHashBackfill(AppDbContext db, PersonHasher hasher, ILogger<PersonHashBackfill> logger)
{
    /// <summary>The migration that makes <c>person_hash</c> required.</summary>
    public const string RequiredFrom = "Participation";

    private const int BatchSize = 1000;

    private sealed record Row(Guid Id, string Email);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            // Raw SQL: the schema is the one before RequiredFrom, not the model's.
            var batch = await db.Database.SqlQuery<Row>(
                $"SELECT id AS \"Id\", email AS \"Email\" FROM event_registrations WHERE person_hash IS NULL ORDER BY id LIMIT {BatchSize}").ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(r => r.Id).ToArray();
            var hashes = new string[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                hashes[i] = await hasher.HashAsync(batch[i].Email, ct);
            }

            total += await db.Database.ExecuteSqlAsync($"""
                UPDATE event_registrations r SET person_hash = v.hash
                FROM unnest({ids}::uuid[], {hashes}::text[]) AS v(id, hash)
                WHERE r.id = v.id AND r.person_hash IS NULL
                """, ct);
        }

        if (total > 0)
        {
            logger.LogInformation("People hash filled in for {Count} registrations made before it was set at sign-up", total);
        }

        return total;
    }
}
