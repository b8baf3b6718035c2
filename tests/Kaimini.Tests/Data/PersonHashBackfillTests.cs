using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Features.Privacy;
using Kaimini.Web.Infrastructure.Database;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kaimini.Tests.Data;

/// <summary>A database from before the people hash was set at sign-up: the migration that makes it
/// required refuses to run over rows without it, and the portal's initializer fills them in with
/// the key (which SQL does not have) and then applies it.</summary>
public class PersonHashBackfillTests
{
    private sealed class ExistingDatabaseApp(string database) : KaiminiApp(database);

    [Fact]
    public async Task Registrations_made_before_the_hash_was_required_get_it_from_the_initializer_and_the_bare_migration_refuses()
    {
        var name = $"kaimini_bf_{Guid.NewGuid():N}";
        await TestDatabase.ExecuteAsync($"CREATE DATABASE {name}");
        try
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            AppDbContext.Configure(options, TestDatabase.ConnectionStringFor(name));
            await using (var db = new AppDbContext(options.Options))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var required = migrations.FindIndex(m => m.EndsWith("_" + PersonHashBackfill.RequiredFrom, StringComparison.Ordinal));
                await db.GetService<IMigrator>().MigrateAsync(migrations[required - 1]);
            }

            await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionStringFor(name)))
            {
                await connection.OpenAsync();
                await using var insert = new NpgsqlCommand("""
                    WITH t AS (INSERT INTO territories (slug, name, kind, location_confirmed) VALUES ('vieta', 'Vieta', 'Pilseta', false) RETURNING id),
                         e AS (INSERT INTO events (slug, title, kind, status, audience, starts_at, ends_at, venue, territory_id, organising_partnerships, created_at, updated_at)
                               SELECT 'forums', 'Forums', 'Forum', 'Completed', 'Public', now() - interval '30 days', now() - interval '29 days', 'Zāle', id, 0, now(), now() FROM t
                               RETURNING id)
                    INSERT INTO event_registrations (id, event_id, name, email, participant_type, status, manage_token_hash, created_at, culture,
                                                     list_consent, quota_approved, person_hash, anonymised_at)
                    SELECT '00000000-0000-0000-0000-000000000001'::uuid, id, 'Anna', 'anna@example.lv', 'Resident', 'Confirmed', repeat('a', 64), now(), 'lv', false, false, NULL::char(64), NULL::timestamptz FROM e
                    UNION ALL
                    SELECT '00000000-0000-0000-0000-000000000002'::uuid, id, '—', 'anonymised-2@invalid', 'Resident', 'Confirmed', repeat('b', 64), now(), 'lv', false, false, repeat('c', 64), now() FROM e
                    """, connection);
                await insert.ExecuteNonQueryAsync();
            }

            // Applied by other means than the initializer, the migration stops and says why.
            await using (var db = new AppDbContext(options.Options))
            {
                var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.MigrateAsync());
                Assert.Contains("Kaimini.Web migrate", refused.ToString());
                Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            }

            await using var app = new ExistingDatabaseApp(name);
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

            var hashes = await app.WithDbAsync(db => db.EventRegistrations.AsNoTracking().OrderBy(r => r.Id).Select(r => r.PersonHash).ToListAsync());
            Assert.Equal([await app.Services.GetRequiredService<PersonHasher>().HashAsync("Anna@Example.lv", CancellationToken.None), new string('c', 64)], hashes);
            Assert.Empty(await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
            var nullable = await app.WithDbAsync(db => db.Database.SqlQuery<string>(
                $"SELECT is_nullable AS \"Value\" FROM information_schema.columns WHERE table_name = 'event_registrations' AND column_name = 'person_hash'").SingleAsync());
            Assert.Equal("NO", nullable);
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }
}
