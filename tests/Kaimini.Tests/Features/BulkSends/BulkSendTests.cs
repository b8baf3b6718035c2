using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.BulkSends;

/// <summary>Bulk sends stored by the request and written by the worker in chunks: each recipient
/// once, whatever runs concurrently or stops half-way. The background worker is off here: the tests
/// run chunks themselves, as the worker would, so they know what has happened when they look.</summary>
public class BulkSendTests(BulkSendTests.SmallChunksApp app) : IClassFixture<BulkSendTests.SmallChunksApp>, IAsyncLifetime
{
    private const int ChunkSize = 10;

    /// <summary>The class's tests run one after another on its database; one that failed half-way
    /// may have left recipients, which would fill the next test's first chunk.</summary>
    public async ValueTask InitializeAsync() => await DrainAsync(app);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_list_of_35_is_stored_by_the_request_and_written_ten_at_a_time_with_the_progress_on_the_page()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var tag = Tag();
        var emails = Enumerable.Range(0, 35).Select(i => $"saraksts{i}.{tag}@kaimini.test").ToList();

        var page = await InviteAsync(admin, emails);

        Assert.Equal("Rindā ievietoti 35 uzaicinājumi.", page.QuerySelector("main .lead")!.TextContent);
        Assert.Equal(("35", "0"), Counts(page));
        var id = SendId(page);
        Assert.Equal(0, await InvitationsAsync(id));

        // The worker's clock, not the wall's: moved five minutes on, the invitations are made then.
        var moment = app.Clock.GetUtcNow().AddMinutes(5);
        app.Clock.SetUtcNow(moment);
        try
        {
            Assert.Equal(ChunkSize, await ChunkAsync(app));
            Assert.Equal(("35", "10"), Counts(await admin.GetAsync(Path(page))));
            Assert.Equal(ChunkSize, await InvitationsAsync(id));
            Assert.Equal(ChunkSize, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.BatchId == id)));
            Assert.Equal(25, await RecipientsLeftAsync(id));

            Assert.Equal([10, 10, 5], await DrainAsync(app));
            // No address outlives its send: the written ones are gone, the counts stay.
            Assert.Equal(0, await RecipientsLeftAsync(id));
            var invitations = await app.WithDbAsync(db => db.Invitations.Where(i => i.BatchId == id).ToListAsync());
            Assert.Equal(emails.Order(), invitations.Select(i => i.Email).Order());
            Assert.All(invitations, i => Assert.True(i.CreatedAt >= moment && i.ExpiresAt == i.CreatedAt.AddDays(14)));
            var mail = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.BatchId == id).Select(m => m.Recipient).ToListAsync());
            Assert.Equal(emails.Order(), mail.Order());
            var send = await app.WithDbAsync(db => db.BulkSends.SingleAsync(b => b.Id == id));
            Assert.Equal((35, 35, 35, 0), (send.Total, send.Processed, send.Queued, send.Skipped));
            Assert.True(send.FinishedAt >= moment);

            var done = await admin.GetAsync(Path(page));
            Assert.Equal(("35", "35"), Counts(done));
            Assert.Null(done.QuerySelector("[data-state=finished]")!.GetAttribute("hidden"));
            Assert.NotNull(done.QuerySelector("[data-state=running]")!.GetAttribute("hidden"));
            var json = await admin.Http.GetStringAsync(done.QuerySelector("#batch-progress")!.GetAttribute("data-progress-url"));
            Assert.Contains("\"processed\":35", json);
            Assert.Contains("\"total\":35", json);
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task Two_instances_working_one_send_at_once_write_each_invitation_and_mail_once()
    {
        await using var second = new SecondInstance(app.DatabaseName);
        await second.InitializeAsync();
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var tag = Tag();
        var emails = Enumerable.Range(0, 120).Select(i => $"abi{i}.{tag}@kaimini.test").ToList();
        var id = SendId(await InviteAsync(admin, emails));

        // Two workers in each instance, all at once, each until nothing is left.
        var processed = await Task.WhenAll(DrainAsync(app), DrainAsync(second), DrainAsync(app), DrainAsync(second));

        // Each chunk was taken by one worker: together they processed exactly the list.
        Assert.Equal(120, processed.Sum(p => p.Sum()));
        Assert.All(processed.SelectMany(p => p), n => Assert.True(n <= ChunkSize));
        var invited = await app.WithDbAsync(db => db.Invitations.Where(i => i.BatchId == id).Select(i => i.Email).ToListAsync());
        Assert.Equal(emails.Order(), invited.Order());
        var mail = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.BatchId == id).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(emails.Order(), mail.Order());
        var send = await app.WithDbAsync(db => db.BulkSends.SingleAsync(b => b.Id == id));
        Assert.Equal((120, 120, 120), (send.Total, send.Processed, send.Queued));
        Assert.NotNull(send.FinishedAt);
    }

    [Fact]
    public async Task A_chunk_that_fails_half_way_leaves_nothing_and_a_restarted_instance_finishes_the_send_once()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var tag = Tag();
        // The 15th address cannot be stored while the constraint below stands: the second chunk
        // (addresses 11 to 20) fails after writing some of its invitations.
        var emails = Enumerable.Range(0, 25).Select(i => i == 14 ? $"avarija.{tag}@kaimini.test" : $"restarts{i}.{tag}@kaimini.test").ToList();
        var id = SendId(await InviteAsync(admin, emails));
        // The tag is hexadecimal digits: nothing to escape in the statements.
        var add = $"ALTER TABLE invitations ADD CONSTRAINT test_refuses_{tag} CHECK (email <> 'avarija.{tag}@kaimini.test') NOT VALID";
        var drop = $"ALTER TABLE invitations DROP CONSTRAINT test_refuses_{tag}";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(add));
        try
        {
            Assert.Equal(ChunkSize, await ChunkAsync(app));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => ChunkAsync(app));

            // The failed chunk left no invitation, no mail and no progress behind.
            Assert.Equal(ChunkSize, await InvitationsAsync(id));
            Assert.Equal(ChunkSize, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.BatchId == id)));
            Assert.Equal(ChunkSize, await app.WithDbAsync(db => db.BulkSends.Where(b => b.Id == id).Select(b => b.Processed).SingleAsync()));
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(drop));
        }

        // Another process (a restarted portal) picks up where the committed chunks ended.
        await using (var restarted = new SecondInstance(app.DatabaseName))
        {
            await restarted.InitializeAsync();
            Assert.Equal([10, 5], await DrainAsync(restarted));
        }

        var invited = await app.WithDbAsync(db => db.Invitations.Where(i => i.BatchId == id).Select(i => i.Email).ToListAsync());
        Assert.Equal(emails.Order(), invited.Order());
        var mail = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.BatchId == id).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(emails.Order(), mail.Order());
        Assert.Equal(25, await app.WithDbAsync(db => db.BulkSends.Where(b => b.Id == id && b.FinishedAt != null).Select(b => b.Processed).SingleAsync()));
    }

    [Fact]
    public async Task An_event_invitation_and_a_message_show_their_progress_to_whoever_manages_the_event_only()
    {
        var (leaderClient, leader) = await app.LoggedInAsync(Roles.Leader);
        var own = await TestCommunities.CreateAsync(app, "Sūtītāju biedrība " + Tag()[..6], "olaine", leaderId: leader.Id);
        var ev = await TestEvents.CreateAsync(app, "Talka ar sūtījumiem", configure: e => { e.Kind = EventKind.CommunityEvent; e.Communities.Add(own); });
        var other = await TestEvents.CreateAsync(app, "Cita talka");
        var tag = Tag();
        var emails = Enumerable.Range(0, 12).Select(i => $"talka{i}.{tag}@kaimini.test").ToList();

        var page = await leaderClient.SubmitAndFollowAsync(await leaderClient.GetAsync($"/admin/events/{ev.Slug}/invite"), "main form",
            new Dictionary<string, string> { ["form.Emails"] = string.Join("\n", emails) });

        Assert.StartsWith($"/admin/events/{ev.Slug}/sends/", Path(page));
        Assert.Equal("Uzaicinājumu sūtīšana: Talka ar sūtījumiem", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Rindā ievietoti 12 uzaicinājumi.", page.QuerySelector("main .lead")!.TextContent);
        Assert.Equal(("12", "0"), Counts(page));
        Assert.Equal([10, 2], await DrainAsync(app));
        Assert.Equal(("12", "12"), Counts(await leaderClient.GetAsync(Path(page))));
        var target = ev.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(emails.Order(), (await app.WithDbAsync(db => db.Invitations.Where(i => i.TargetId == target).Select(i => i.Email).ToListAsync())).Order());

        // Any organiser manages every event; a resident, another community's leader and the
        // address of another event's send see nothing.
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var (resident, _) = await app.LoggedInAsync(null);
        var (stranger, strangerUser) = await app.LoggedInAsync(Roles.Leader);
        await TestCommunities.CreateAsync(app, "Sveša biedrība " + Tag()[..6], "olaine", leaderId: strangerUser.Id);
        Assert.Equal(("12", "12"), Counts(await organiser.GetAsync(Path(page))));
        foreach (var client in new[] { resident, stranger })
        {
            using var refused = await client.Http.GetAsync(Path(page));
            Assert.Contains("/account/access-denied", refused.Headers.Location!.ToString());
            using var json = await client.Http.GetAsync(Path(page) + "/progress");
            Assert.Contains("/account/access-denied", json.Headers.Location!.ToString());
        }

        using var elsewhere = await organiser.Http.GetAsync(Path(page).Replace(ev.Slug, other.Slug));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        // The organiser's message: the same page, once per participant.
        var home = await TestEvents.HomeAsync(app);
        using var visitor = app.CreatePageClient("lv");
        foreach (var email in emails.Take(3))
        {
            await visitor.SubmitAndFollowAsync(await visitor.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", TestEvents.SignUp("Talcinieks", email, home));
        }

        var message = await leaderClient.SubmitAndFollowAsync(await leaderClient.GetAsync($"/admin/events/{ev.Slug}/message"), "main form",
            new Dictionary<string, string> { ["form.Subject"] = "Cimdi", ["form.Text"] = "Ņemiet līdzi cimdus." });
        Assert.Equal("Ziņas sūtīšana: Talka ar sūtījumiem", message.QuerySelector("h1")!.TextContent);
        Assert.Equal("Ziņa ievietota rindā 3 dalībniekiem.", message.QuerySelector("main .lead")!.TextContent);
        Assert.Equal([3], await DrainAsync(app));
        var sent = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.BatchId == SendId(message) && m.Category == "event.message").Select(m => m.Recipient).ToListAsync());
        Assert.Equal(emails.Take(3).Order(), sent.Order());
    }

    [Fact]
    public async Task Role_invitation_progress_is_for_its_inviter_and_administrators()
    {
        var (inviter, _) = await app.LoggedInAsync(Roles.Organiser);
        var page = await InviteAsync(inviter, [TestUsers.UniqueEmail("mans")]);
        var (otherOrganiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var (resident, _) = await app.LoggedInAsync(null);

        Assert.Equal(("1", "0"), Counts(await admin.GetAsync(Path(page))));
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrganiser.Http.GetAsync(Path(page))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrganiser.Http.GetAsync(Path(page) + "/progress")).StatusCode);
        Assert.Contains("/account/access-denied", (await resident.Http.GetAsync(Path(page))).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/invitations/batches/{Guid.NewGuid()}")).StatusCode);
        await DrainAsync(app);
    }

    [Fact]
    public async Task A_stored_send_counts_towards_the_daily_cap_of_the_account_that_asked_for_it()
    {
        var (leaderClient, leader) = await app.LoggedInAsync(Roles.Leader);
        var own = await TestCommunities.CreateAsync(app, "Limita biedrība " + Tag()[..6], "olaine", leaderId: leader.Id);
        var ev = await TestEvents.CreateAsync(app, "Talka ar limitu", configure: e => { e.Kind = EventKind.CommunityEvent; e.Communities.Add(own); });
        var invite = await leaderClient.GetAsync($"/admin/events/{ev.Slug}/invite");
        var emails = Enumerable.Range(0, SmallChunksApp.DailySends).Select(i => TestUsers.UniqueEmail($"limits{i}")).ToList();

        await leaderClient.SubmitAndFollowAsync(invite, "main form", new Dictionary<string, string> { ["form.Emails"] = string.Join("\n", emails) });
        using var refused = await leaderClient.SubmitAsync(invite, "main form", new Dictionary<string, string> { ["form.Emails"] = TestUsers.UniqueEmail("par-daudz") });

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.BulkSends.CountAsync(b => b.EventId == ev.Id)));
        await DrainAsync(app);
    }

    private static async Task<AngleSharp.Dom.IDocument> InviteAsync(PageClient admin, IEnumerable<string> emails) =>
        await admin.SubmitAndFollowAsync(await admin.GetAsync("/admin/invitations"), "main form[action='/admin/invitations']",
            new Dictionary<string, string>
            {
                ["form.Emails"] = string.Join("\n", emails),
                ["form.Role"] = Roles.Leader,
                ["form.Culture"] = "lv",
            });

    /// <summary>What the worker does on each tick: one chunk, in a scope of its own.</summary>
    private static async Task<int> ChunkAsync(KaiminiApp instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BulkSender>().ProcessChunkAsync(CancellationToken.None);
    }

    /// <summary>Chunks until nothing is left; the size of each.</summary>
    private static async Task<List<int>> DrainAsync(KaiminiApp instance)
    {
        var sizes = new List<int>();
        while (await ChunkAsync(instance) is var n && n > 0)
        {
            sizes.Add(n);
        }

        return sizes;
    }

    private Task<int> RecipientsLeftAsync(Guid sendId) => app.WithDbAsync(db => db.BulkSendRecipients.CountAsync(r => r.BulkSendId == sendId));

    private Task<int> InvitationsAsync(Guid sendId) => app.WithDbAsync(db => db.Invitations.CountAsync(i => i.BatchId == sendId));

    private static (string Total, string Processed) Counts(AngleSharp.Dom.IDocument page) =>
        (page.QuerySelector("[data-count=total]")!.TextContent, page.QuerySelector("[data-count=processed]")!.TextContent);

    private static string Path(AngleSharp.Dom.IDocument page) => new Uri(page.Url).AbsolutePath;

    private static Guid SendId(AngleSharp.Dom.IDocument page) => Guid.Parse(Path(page).Split('/')[^1]);

    private static string Tag() => Guid.NewGuid().ToString("N")[..12];

    public class SmallChunksApp : KaiminiApp
    {
        public const int DailySends = 15;

        public SmallChunksApp()
        {
        }

        protected SmallChunksApp(string database)
            : base(database)
        {
        }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["BulkSends:Enabled"] = "false",
            ["BulkSends:ChunkSize"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:DailySendsPerAccount"] = DailySends.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private sealed class SecondInstance(string database) : SmallChunksApp(database);
}
