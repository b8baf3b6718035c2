using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kaimini.Tests.Data;

/// <summary>The IdeaOutcomes migration on rows written before it: the source becomes explicit as the
/// reports inferred it, and a "done" answer becomes an idea implemented by the municipality on the
/// Riga day of its first "done" answer, with a history entry. Its own database: the test migrates
/// it down and up again.</summary>
public class IdeaOutcomesMigrationTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Existing_ideas_get_their_source_and_done_answers_become_implemented_by_the_municipality()
    {
        var forum = await TestEvents.CreateAsync(app, "Forums pirms migrācijas", startsAt: app.Clock.GetUtcNow().AddDays(-30));
        var territory = await app.WithDbAsync(db => db.Territories.Where(t => t.Slug == "olaine").Select(t => t.Id).SingleAsync());
        // Half past midnight in Riga is still the day before in UTC: the Riga day counts.
        var day = TestDates.DaysAhead(app.Clock, -10);
        var firstDone = TestDates.AtRiga(day, 0, 30);
        var laterDone = TestDates.AtRiga(day.AddDays(3), 12);
        var created = app.Clock.GetUtcNow().AddDays(-40);
        var updated = TestDates.AtRiga(TestDates.DaysAhead(app.Clock, -2), 12);

        await app.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_IdeaOutcomes", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);

            async Task<int> IdeaAsync(string title, string response, int? eventId)
            {
                var ids = await db.Database.SqlQuery<int>($"""
                    INSERT INTO ideas (title, body, kind, territory_id, event_id, addressed_to, author_name, author_email, culture, status,
                                       response, support_count, search_document, created_at, published_at, updated_at)
                    VALUES ({title}, {title}, 'Idea', {territory}, {eventId}, 'Municipality', 'Autors', 'autors@example.lv', 'lv', 'Published',
                            {response}, 0, '', {created}, {created}, {updated})
                    RETURNING id AS "Value"
                    """).ToListAsync();
                return ids.Single();
            }

            var done = await IdeaAsync("Izdarīta", "Done", null);
            var atForum = await IdeaAsync("Foruma ideja", "None", forum.Id);
            var accepted = await IdeaAsync("Pieņemta", "Accepted", null);
            var doneWithoutHistory = await IdeaAsync("Izdarīta bez vēstures", "Done", null);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO idea_history (idea_id, at, kind, response, actor_name) VALUES
                    ({done}, {created}, 'Submitted', NULL, NULL),
                    ({done}, {firstDone.AddDays(-5)}, 'Answered', 'UnderReview', 'Anna'),
                    ({done}, {firstDone}, 'Answered', 'Done', 'Anna'),
                    ({done}, {laterDone}, 'Answered', 'Done', 'Pēteris'),
                    ({accepted}, {firstDone}, 'Answered', 'Accepted', 'Anna')
                """);
            await db.Database.MigrateAsync();

            var ideas = await db.Ideas.AsNoTracking().Where(i => new[] { done, atForum, accepted, doneWithoutHistory }.Contains(i.Id))
                .ToDictionaryAsync(i => i.Id);
            Assert.Equal((IdeaSource.Portal, day, IdeaImplementer.Municipality), (ideas[done].Source, ideas[done].ImplementedOn!.Value, ideas[done].ImplementedBy!.Value));
            Assert.Null(ideas[done].ImplementedByCommunityId);
            Assert.Equal((IdeaSource.Forum, null), (ideas[atForum].Source, ideas[atForum].ImplementedOn));
            Assert.Equal((IdeaSource.Portal, null), (ideas[accepted].Source, ideas[accepted].ImplementedOn));
            Assert.Equal(TestDates.DaysAhead(app.Clock, -2), ideas[doneWithoutHistory].ImplementedOn);
            var entry = await db.IdeaHistory.AsNoTracking().SingleAsync(h => h.IdeaId == done && h.Kind == IdeaHistoryKind.Implemented);
            Assert.Equal((firstDone, "Anna", day, IdeaImplementer.Municipality), (entry.At, entry.ActorName!, entry.ImplementedOn!.Value, entry.ImplementedBy!.Value));
            return 0;
        });
    }
}
