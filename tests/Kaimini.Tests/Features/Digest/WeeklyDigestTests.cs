using System.Net;
using Kaimini.Tests.Features.Cooperation;
using Kaimini.Tests.Features.News;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Digest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kaimini.Tests.Features.Digest;

/// <summary>The weekly digest: through the outbox and real SMTP, once per person and week however many
/// runs there are, only with what their follows cover, and never empty. Each test takes a week of its
/// own far ahead of the clock, so the runs of one test find nothing new of another's (other tests'
/// subscribers may get mail in a run; only this test's people are checked).</summary>
public class WeeklyDigestTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task A_digest_carries_exactly_what_the_follows_cover_and_the_answers_to_the_persons_ideas()
    {
        var monday = Monday(300);
        try
        {
            // Before the week: an event and an answer that the digest must not repeat.
            app.Clock.SetUtcNow(TestDates.AtRiga(monday.AddDays(-10), 12));
            var followed = await TestCommunities.CreateAsync(app, Unique("Olaines dārzkopji"), "olaine");
            var elsewhere = await TestCommunities.CreateAsync(app, Unique("Ķekavas airētāji"), "kekava");
            var themed = await TestCommunities.CreateAsync(app, Unique("Baldones senioru klubs"), "baldone", themes: ["seniors"]);
            var reader = await Subscriber("lv");
            var english = await Subscriber("en");
            var narrow = await Subscriber("lv");
            var notSubscribed = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("digest-off"));
            await FollowAsync(reader, FollowKind.Community, followed.Id);
            await FollowAsync(reader, FollowKind.Territory, await TerritoryAsync("marupes-novads"));
            await FollowAsync(reader, FollowKind.Theme, await ThemeAsync("seniors"));
            await FollowAsync(english, FollowKind.Community, elsewhere.Id);
            await FollowAsync(narrow, FollowKind.Community, themed.Id);
            await FollowAsync(notSubscribed, FollowKind.Community, followed.Id);
            var oldEvent = await TestEvents.CreateAsync(app, Unique("Vecs dārzkopju pasākums"), startsAt: TestDates.AtRiga(monday.AddDays(20), 10),
                configure: e => e.OwnerCommunityId = followed.Id);
            var ownOldIdea = await TestIdeas.CreateAsync(app, Unique("Sen atbildēta ideja"), authorId: reader.Id);
            await AnswerAsync(ownOldIdea.Id, IdeaResponse.Accepted);
            var ownIdea = await TestIdeas.CreateAsync(app, Unique("Soliņi pie Olaines dīķa"), authorId: reader.Id);
            var supported = await TestIdeas.CreateAsync(app, Unique("Apgaismojums Jaunolainē"));
            await TestIdeas.SupportAsync(app, supported.Id, reader.Id);
            var othersIdea = await TestIdeas.CreateAsync(app, Unique("Cita cilvēka ideja"));

            // The week: what is new.
            app.Clock.SetUtcNow(TestDates.AtRiga(monday.AddDays(-3), 15));
            var byFollowed = await TestEvents.CreateAsync(app, Unique("Stādu maiņa Olainē"), startsAt: TestDates.AtRiga(monday.AddDays(12), 11),
                configure: e => e.OwnerCommunityId = followed.Id);
            var inMarupe = await TestEvents.CreateAsync(app, Unique("Mārupes kaimiņu diena"), startsAt: TestDates.AtRiga(monday.AddDays(5), 12), territory: "marupe");
            var inKekava = await TestEvents.CreateAsync(app, Unique("Ķekavas talka"), startsAt: TestDates.AtRiga(monday.AddDays(6), 10), territory: "kekava");
            var alreadyOver = await TestEvents.CreateAsync(app, Unique("Jau notikusi dārza diena"), startsAt: TestDates.AtRiga(monday.AddDays(-2), 10),
                configure: e => e.OwnerCommunityId = followed.Id);
            var news = await TestNews.CreateAsync(app, followed.Id, Unique("Dārzkopji atver sēklu bibliotēku"));
            var seniorsNews = await TestNews.CreateAsync(app, themed.Id, Unique("Senioru klubs meklē telpas"));
            var kekavaNews = await TestNews.CreateAsync(app, elsewhere.Id, Unique("Airētāju sezona sākas"));
            var marupePost = await TestCooperation.CreateAsync(app, await TestCommunities.CreateAsync(app, Unique("Mārupes jaunieši"), "marupe"),
                Unique("Meklējam brīvprātīgos svētkiem"));
            var kekavaPost = await TestCooperation.CreateAsync(app, elsewhere, Unique("Piedāvājam laivas"), direction: CooperationDirection.Offer,
                kind: CooperationKind.SpaceOrEquipment);
            var hiddenPost = await TestCooperation.CreateAsync(app, followed, Unique("Paslēpts sludinājums"));
            var withdrawnPost = await TestCooperation.CreateAsync(app, followed, Unique("Atsaukts lūgums"));
            await app.WithDbAsync(async db =>
            {
                (await db.CooperationPosts.SingleAsync(p => p.Id == hiddenPost.Id)).Hide("Nepiedienīgs saturs", app.Clock.GetUtcNow());
                (await db.CooperationPosts.SingleAsync(p => p.Id == withdrawnPost.Id)).Close(app.Clock.GetUtcNow());
                return await db.SaveChangesAsync();
            });
            await AnswerAsync(ownIdea.Id, IdeaResponse.InPlan);
            await AnswerAsync(supported.Id, IdeaResponse.Done);
            await AnswerAsync(othersIdea.Id, IdeaResponse.Declined);

            // Not before Monday's hour; then once.
            app.Clock.SetUtcNow(TestDates.AtRiga(monday, 8, 55));
            Assert.Null(await RunAsync());
            app.Clock.SetUtcNow(TestDates.AtRiga(monday, 9, 5));
            Assert.NotNull(await RunAsync());

            // The reader's place and theme follows may also catch what other test classes add that week.
            var mail = await app.Smtp.WaitForMessageAsync(reader.Email!);
            Assert.True(mail.Subject?.StartsWith("Jūsu nedēļas apkopojums: ", StringComparison.Ordinal) == true, mail.TextBody);
            foreach (var expected in new[] { byFollowed.Title, inMarupe.Title, news.Title, seniorsNews.Title, marupePost.Title, ownIdea.Title, supported.Title })
            {
                Assert.Contains(expected, mail.TextBody);
            }

            foreach (var unexpected in new[] { oldEvent.Title, inKekava.Title, alreadyOver.Title, kekavaNews.Title, kekavaPost.Title, hiddenPost.Title, withdrawnPost.Title, ownOldIdea.Title, othersIdea.Title })
            {
                Assert.DoesNotContain(unexpected, mail.TextBody);
            }

            Assert.Contains($"http://kaimini.test/events/{byFollowed.Slug}", mail.TextBody);
            Assert.Contains($"{supported.Title} — atbilde: īstenota", mail.TextBody);
            Assert.Contains("Lūgums · Brīvprātīgie", mail.TextBody);
            Assert.Contains("http://kaimini.test/unsubscribe/digest/", mail.Headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

            Assert.Equal("Jūsu nedēļas apkopojums: 1 jaunums", (await app.Smtp.WaitForMessageAsync(narrow.Email!)).Subject);
            var en = await app.Smtp.WaitForMessageAsync(english.Email!);
            Assert.Equal("Your weekly digest: 2 new items", en.Subject);
            Assert.Contains(kekavaNews.Title, en.TextBody);
            Assert.Contains($"{kekavaPost.Title} — {elsewhere.Name} (Offer · Space or equipment)", en.TextBody);
            Assert.DoesNotContain(inKekava.Title, en.TextBody);
            Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == notSubscribed.Email!.ToLowerInvariant())));
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task Each_person_gets_a_weeks_digest_once_across_two_instances_and_a_restart_and_nothing_when_nothing_is_new()
    {
        var monday = Monday(400);
        try
        {
            app.Clock.SetUtcNow(TestDates.AtRiga(monday.AddDays(-2), 10));
            var community = await TestCommunities.CreateAsync(app, Unique("Jaunolaines kaimiņi"), "olaine");
            var quiet = await TestCommunities.CreateAsync(app, Unique("Klusā biedrība"), "baldone");
            var people = new List<AppUser>();
            for (var i = 0; i < 7; i++)
            {
                var person = await Subscriber("lv");
                await FollowAsync(person, FollowKind.Community, community.Id);
                people.Add(person);
            }

            var nothingNew = await Subscriber("lv");
            await FollowAsync(nothingNew, FollowKind.Community, quiet.Id);
            var held = people[^1];
            var item = await TestNews.CreateAsync(app, community.Id, Unique("Kaimiņu vakars piektdien"));

            // Another instance is in the middle of a batch holding the last person (their row locked):
            // the runs skip them instead of waiting.
            app.Clock.SetUtcNow(TestDates.AtRiga(monday, 10));
            await using var other = new NpgsqlConnection(app.ConnectionString);
            await other.OpenAsync();
            await using var holding = await other.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM \"AspNetUsers\" WHERE id = @id FOR NO KEY UPDATE", other, holding))
            {
                lockRow.Parameters.AddWithValue("id", held.Id);
                await lockRow.ExecuteScalarAsync();
            }

            // Two instances at once, in batches of two.
            var runs = await Task.WhenAll(RunAsync(batchSize: 2), RunAsync(batchSize: 2));
            Assert.All(runs, r => Assert.True(r is null || r.People <= r.Batches * 2));
            foreach (var person in people.SkipLast(1))
            {
                var mail = await app.Smtp.WaitForMessageAsync(person.Email!);
                Assert.Contains(item.Title, mail.TextBody);
            }

            Assert.Equal(0, await DigestsToAsync(held));

            // The other instance dies: its claim and its lock go. A restart sends the one it held, and
            // nobody a second time.
            await holding.RollbackAsync();
            var restart = await RunAsync();
            Assert.NotNull(restart);
            await app.Smtp.WaitForMessageAsync(held.Email!);
            Assert.Null(await RunAsync());
            foreach (var person in people)
            {
                Assert.Equal(1, await DigestsToAsync(person));
            }

            // Following only a community with nothing new: claimed, and no mail.
            Assert.Equal(0, await DigestsToAsync(nothingNew));
            var claim = await app.WithDbAsync(db => db.DigestSends.SingleAsync(d => d.UserId == nothingNew.Id && d.Week == monday));
            Assert.False(claim.Sent);
            Assert.True(await app.WithDbAsync(db => db.DigestSends.AllAsync(d => d.Week != monday || !people.Select(p => p.Id).Contains(d.UserId) || d.Sent)));
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task A_run_reads_a_batch_with_a_fixed_number_of_queries_whatever_its_size()
    {
        var monday = Monday(500);
        try
        {
            app.Clock.SetUtcNow(TestDates.AtRiga(monday.AddDays(-1), 10));
            var community = await TestCommunities.CreateAsync(app, Unique("Skaitītāju biedrība"), "olaine");
            for (var i = 0; i < 12; i++)
            {
                var person = await Subscriber(i % 2 == 0 ? "lv" : "en");
                await FollowAsync(person, FollowKind.Community, community.Id);
            }

            await TestNews.CreateAsync(app, community.Id, Unique("Skaitām vaicājumus"));
            var answered = await TestIdeas.CreateAsync(app, Unique("Ideja ar atbildi"));
            await AnswerAsync(answered.Id, IdeaResponse.UnderReview);
            app.Clock.SetUtcNow(TestDates.AtRiga(monday, 9, 30));
            app.Queries.Reset();
            var result = await RunAsync(batchSize: 100);

            // The week's items (four reads), then per batch: follows, ideas, unsubscribes, the messages
            // and the "sent" marks. The claims themselves (SKIP LOCKED) are not counted by QueryCounter;
            // a batch is one claim statement by construction.
            Assert.NotNull(result);
            Assert.True(result.People >= 12);
            Assert.True(4 + 5 * result.Batches == app.Queries.Count, $"{app.Queries.Count} queries for {result.Batches} batches:\n{app.Queries.Commands}");
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task The_digest_is_off_by_default_the_profile_turns_it_on_and_its_link_turns_it_off_in_one_click()
    {
        var monday = Monday(600);
        try
        {
            app.Clock.SetUtcNow(TestDates.AtRiga(monday.AddDays(-4), 10));
            var (client, user) = await app.LoggedInAsync(null);
            var community = await TestCommunities.CreateAsync(app, Unique("Piņķu kopiena"), "pinki");
            await FollowAsync(user, FollowKind.Community, community.Id);
            var profile = await client.GetAsync("/account/profile");
            Assert.Null(profile.QuerySelector("#form_WeeklyDigest")!.GetAttribute("checked"));
            Assert.Equal("off", (await client.GetAsync("/account/following")).QuerySelector("[data-digest]")!.GetAttribute("data-digest"));

            await client.SubmitAndFollowAsync(profile, "main form", new Dictionary<string, string>
            {
                ["form.DisplayName"] = "Jānis Sekotājs",
                ["form.WeeklyDigest"] = "true",
            });
            Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.WeeklyDigest).SingleAsync()));
            Assert.Equal("on", (await client.GetAsync("/account/following")).QuerySelector("[data-digest]")!.GetAttribute("data-digest"));
            Assert.NotNull((await client.GetAsync("/account/profile")).QuerySelector("#form_WeeklyDigest")!.GetAttribute("checked"));

            var item = await TestNews.CreateAsync(app, community.Id, Unique("Piņķu ziņa"));
            app.Clock.SetUtcNow(TestDates.AtRiga(monday, 9));
            await RunAsync();
            var mail = await app.Smtp.WaitForMessageAsync(user.Email!);
            Assert.Contains(item.Title, mail.TextBody);
            var path = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;

            // The link asks first (scanners open links); a mail client's bare POST turns it off.
            using var mailClient = app.CreatePageClient("lv");
            var confirm = await mailClient.GetAsync(path);
            Assert.Equal("Atteikties no iknedēļas apkopojuma", confirm.QuerySelector("h1")!.TextContent);
            Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.WeeklyDigest).SingleAsync()));
            using var response = await mailClient.Http.PostAsync(path, new StringContent("List-Unsubscribe=One-Click"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Apkopojums izslēgts", (await PageClient.ParseAsync(response)).QuerySelector("h1")!.TextContent);
            Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.WeeklyDigest).SingleAsync()));
            // Only the digest: the address is not unsubscribed from other mail.
            Assert.False(await app.WithDbAsync(db => db.EmailSuppressions.AnyAsync(s => s.Email == user.Email!.ToLowerInvariant())));

            // A forged link: a clear page, and nothing changes.
            using var forged = await mailClient.Http.PostAsync("/unsubscribe/digest/not-a-real-token", new StringContent(""));
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

            // The next week brings news again, and no digest.
            app.Clock.SetUtcNow(TestDates.AtRiga(monday.AddDays(3), 10));
            await TestNews.CreateAsync(app, community.Id, Unique("Vēl viena Piņķu ziņa"));
            app.Clock.SetUtcNow(TestDates.AtRiga(monday.AddDays(7), 9, 30));
            await RunAsync();
            Assert.False(await app.WithDbAsync(db => db.DigestSends.AnyAsync(d => d.UserId == user.Id && d.Week == monday.AddDays(7))));
            Assert.Equal(1, await DigestsToAsync(user));
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    /// <summary>A Monday at least <paramref name="days"/> ahead of the clock.</summary>
    private DateOnly Monday(int days)
    {
        var day = TestDates.DaysAhead(app.Clock, days);
        return day.AddDays((8 - (int)day.DayOfWeek) % 7);
    }

    private async Task<WeeklyDigestResult?> RunAsync(int? batchSize = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var digest = batchSize is null ? services.GetRequiredService<WeeklyDigest>()
            : ActivatorUtilities.CreateInstance<WeeklyDigest>(services, Options.Create(new WeeklyDigestOptions { BatchSize = batchSize.Value }));
        return await digest.RunAsync(CancellationToken.None);
    }

    private async Task<AppUser> Subscriber(string culture)
    {
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("digest"), culture: culture);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.WeeklyDigest, true)));
        return user;
    }

    private Task<int> FollowAsync(AppUser user, FollowKind kind, int target) => app.WithDbAsync(db =>
    {
        db.Follows.Add(Follow.Of(user.Id, kind, target, app.Clock.GetUtcNow()));
        return db.SaveChangesAsync();
    });

    private Task<int> TerritoryAsync(string slug) => app.WithDbAsync(db => db.Territories.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());

    private Task<int> ThemeAsync(string slug) => app.WithDbAsync(db => db.Themes.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());

    /// <summary>The municipality's answer, as its form records it.</summary>
    private Task<int> AnswerAsync(int ideaId, IdeaResponse response) => app.WithDbAsync(async db =>
    {
        var idea = await db.Ideas.SingleAsync(i => i.Id == ideaId);
        var now = app.Clock.GetUtcNow();
        idea.Answer(response, "Pašvaldības atbilde ar pamatojumu, kāpēc tā nolemts.", now);
        db.IdeaHistory.Add(new IdeaHistoryEntry { IdeaId = ideaId, At = now, Kind = IdeaHistoryKind.Answered, Response = response, Text = "Atbilde." });
        return await db.SaveChangesAsync();
    });

    private Task<int> DigestsToAsync(AppUser user) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == user.Email!.ToLowerInvariant() && m.Category == WeeklyDigest.Category));

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 7)];
}
