using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Data.Seed;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Privacy;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Data;

/// <summary>The scale seeder on a small country: every table filled once, consistent with what the
/// portal writes, and a database seeded before gets only the tables it lacks.</summary>
public class ScaleSeederTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static readonly ScaleTargets Small = new(Communities: 40, Leaders: 60, ResidentAccounts: 100, Events: 80, People: 300,
        Registrations: 2_000, Ideas: 400, Supports: 1_500, News: 300, Follows: 700, CooperationPosts: 200);

    private sealed record Counts(int Communities, int Accounts, int Events, int Registrations, int Ideas, int History, int Supports);

    private Task SeedAsync() => SeedAsync(app);

    private static Task SeedAsync(KaiminiApp into) => into.WithScopeAsync(s => s.GetRequiredService<ScaleSeeder>().SeedAsync(Small, CancellationToken.None));

    private static Task<Counts> CountAsync(KaiminiApp of) => of.WithDbAsync(async db =>
    {
        var ideas = db.Ideas.Where(i => i.AuthorEmail!.StartsWith(ScaleSeeder.SlugPrefix));
        return new Counts(
            await db.Communities.CountAsync(c => c.Slug.StartsWith(ScaleSeeder.SlugPrefix)),
            await db.Users.CountAsync(u => u.Email!.StartsWith(ScaleSeeder.SlugPrefix)),
            await db.Events.CountAsync(e => e.Slug.StartsWith(ScaleSeeder.EventSlugPrefix)),
            await db.EventRegistrations.CountAsync(r => r.Event!.Slug.StartsWith(ScaleSeeder.EventSlugPrefix)),
            await ideas.CountAsync(),
            await db.IdeaHistory.CountAsync(h => ideas.Any(i => i.Id == h.IdeaId)),
            await db.IdeaSupports.CountAsync(x => ideas.Any(i => i.Id == x.IdeaId)));
    });

    [Fact]
    public async Task Each_table_is_seeded_once_and_a_database_seeded_before_gets_only_what_it_lacks()
    {
        // A database of its own: deleting the events below would leave the class's shared one with
        // forum ideas that name no forum.
        await using var own = new KaiminiApp();
        await own.InitializeAsync();
        await SeedAsync(own);
        var first = await CountAsync(own);
        Assert.Equal(new Counts(40, 160, 80, 2_000, 400, first.History, 1_500), first);
        Assert.True(first.History > 2 * 390, $"history: {first.History}");

        await SeedAsync(own);
        Assert.Equal(first, await CountAsync(own));

        // Only the events are gone (their registrations with them; the ideas keep their text): the
        // next run brings back those two tables and leaves the others as they are.
        await own.WithDbAsync(db => db.Events.Where(e => e.Slug.StartsWith(ScaleSeeder.EventSlugPrefix)).ExecuteDeleteAsync());
        Assert.Equal(first with { Events = 0, Registrations = 0 }, await CountAsync(own));
        await SeedAsync(own);
        Assert.Equal(first, await CountAsync(own));
    }

    [Fact]
    public async Task News_and_follows_reach_their_targets_within_the_rules_the_portal_keeps()
    {
        await SeedAsync();
        var now = app.Clock.GetUtcNow();
        var (news, badLinks, future, follows, distinct) = await app.WithDbAsync(async db =>
        {
            var scaleNews = db.News.Where(n => n.Community!.Slug.StartsWith(ScaleSeeder.SlugPrefix));
            var links = await scaleNews.Where(n => n.Link != null).Select(n => n.Link).ToListAsync();
            var scaleFollows = db.Follows.Where(f => f.User!.Email!.StartsWith(ScaleSeeder.SlugPrefix));
            return (await scaleNews.CountAsync(), links.Count(l => !NewsItem.IsAcceptableLink(l)), await scaleNews.CountAsync(n => n.PublishedAt > now),
                await scaleFollows.CountAsync(),
                await scaleFollows.Select(f => new { f.UserId, f.CommunityId, f.TerritoryId, f.ThemeId }).Distinct().CountAsync());
        });

        Assert.Equal((300, 0, 0, 700, 700), (news, badLinks, future, follows, distinct));
    }

    [Fact]
    public async Task Seeded_rows_agree_with_what_the_portal_computes()
    {
        await SeedAsync();
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var hasher = s.GetRequiredService<PersonHasher>();
            var now = app.Clock.GetUtcNow();

            // The people hash, as sign-up sets it; anonymised rows keep it.
            var signUps = await db.EventRegistrations.Where(r => r.Event!.Slug.StartsWith(ScaleSeeder.EventSlugPrefix) && r.AnonymisedAt == null && !r.WalkIn)
                .Select(r => new { r.Email, r.PersonHash }).Take(50).ToListAsync();
            Assert.NotEmpty(signUps);
            foreach (var r in signUps)
            {
                Assert.Equal(await hasher.HashAsync(r.Email, CancellationToken.None), r.PersonHash);
            }

            // Registrations past the retention period are anonymised, as the retention job leaves them.
            Assert.False(await db.EventRegistrations.AnyAsync(r => r.AnonymisedAt == null && r.Event!.EndsAt < now.AddMonths(-12)));
            Assert.True(await db.EventRegistrations.AnyAsync(r => r.AnonymisedAt != null && r.Email.StartsWith("anonymised-")));
            // People come back: fewer people than registrations, every one of them at some event.
            var people = await db.EventRegistrations.Where(r => !r.WalkIn).Select(r => r.PersonHash).Distinct().CountAsync();
            Assert.InRange(people, 250, 300);
            // Nobody is checked in at an event that has not happened.
            Assert.False(await db.EventRegistrations.AnyAsync(r => r.CheckedInAt != null && r.Event!.StartsAt > now));

            // Support counts are the supports; supports are unique per idea and account.
            Assert.False(await db.Ideas.AnyAsync(i => i.SupportCount != db.IdeaSupports.Count(x => x.IdeaId == i.Id)));
            // Search documents as the portal folds them.
            var idea = await db.Ideas.Where(i => i.AuthorEmail!.StartsWith(ScaleSeeder.SlugPrefix)).OrderBy(i => i.Id).FirstAsync();
            Assert.Equal(Idea.SearchDocumentFor(idea.Title, idea.Body), idea.SearchDocument);
            // Every answered idea has its answer in the history, no earlier than it was submitted; "done" is implemented.
            Assert.False(await db.Ideas.AnyAsync(i => i.Response != IdeaResponse.None
                && !db.IdeaHistory.Any(h => h.IdeaId == i.Id && h.Kind == IdeaHistoryKind.Answered && h.Response == i.Response && h.At >= i.CreatedAt)));
            Assert.False(await db.Ideas.AnyAsync(i => i.Response == IdeaResponse.Done && i.ImplementedOn == null));
            // Forum ideas name the forum's own group.
            Assert.False(await db.Ideas.AnyAsync(i => i.ForumGroupId != null && !db.ForumGroups.Any(g => g.Id == i.ForumGroupId && g.EventId == i.EventId)));
            Assert.True(await db.Ideas.AnyAsync(i => i.Source == IdeaSource.Forum && i.EventId != null));
        });
    }

    [Fact]
    public async Task The_benchmark_accounts_are_made_once_and_take_a_new_password_and_key_when_run_again()
    {
        var organiser = TestUsers.UniqueEmail("bench-organiser");
        var staff = TestUsers.UniqueEmail("bench-staff");
        const string Key = "JBSWY3DPEHPK3PXP";
        await app.WithScopeAsync(async s =>
        {
            var seeder = s.GetRequiredService<ScaleSeeder>();
            await seeder.EnsureOrganiserAccountAsync(organiser, "pirma-parole-2026", Key, CancellationToken.None);
            await seeder.EnsureOrganiserAccountAsync(organiser, "otra-parole-2026", Key, CancellationToken.None);
            await seeder.EnsureStaffAccountAsync(staff, "pirma-parole-2026", CancellationToken.None);
        });

        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var o = (await users.FindByEmailAsync(organiser))!;
            Assert.True(await users.IsInRoleAsync(o, Roles.Organiser));
            Assert.True(await users.CheckPasswordAsync(o, "otra-parole-2026"));
            Assert.False(await users.CheckPasswordAsync(o, "pirma-parole-2026"));
            Assert.True(o.TwoFactorEnabled);
            Assert.Equal(Key, await users.GetAuthenticatorKeyAsync(o));
            var m = (await users.FindByEmailAsync(staff))!;
            Assert.True(await users.IsInRoleAsync(m, Roles.MunicipalityStaff));
            Assert.Equal("kekavas-novads", (await s.GetRequiredService<ReferenceCache>().GetAsync(CancellationToken.None)).TerritoryById[m.NovadsId!.Value].Slug);
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == organiser)));
    }

    [Fact]
    public async Task Cooperation_posts_are_seeded_once_with_their_filter_columns()
    {
        await SeedAsync();
        await SeedAsync();
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var posts = await db.CooperationPosts.Where(p => p.Community!.Slug.StartsWith(ScaleSeeder.SlugPrefix))
                .Select(p => new { Post = p, CommunityNovads = p.Community!.NovadsId }).ToListAsync();
            Assert.Equal(200, posts.Count);
            Assert.DoesNotContain(posts, p => p.Post.MatchedCommunityId == p.Post.CommunityId);
            Assert.Contains(posts, p => p.Post.Status == CooperationStatus.Matched && p.Post.MatchedCommunityId is not null);
            Assert.Contains(posts, p => p.Post.IsOpen(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime)));
            Assert.All(posts, p => Assert.Equal(p.CommunityNovads, p.Post.NovadsId));
            Assert.All(posts, p => Assert.Equal(SearchText.Fold(p.Post.SearchDocument), p.Post.SearchDocument));
        });
    }
}
