using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Account.Emails;
using Kaimini.Web.Features.Invitations.Emails;
using Kaimini.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Email;

/// <summary>The dispatcher driven by hand (the background worker is off), several at once.</summary>
public class OutboxTests(OutboxTests.ManualDispatchApp app) : IClassFixture<OutboxTests.ManualDispatchApp>
{
    [Fact]
    public async Task Two_dispatchers_send_200_queued_messages_each_exactly_once()
    {
        var batch = Guid.NewGuid();
        var addresses = Enumerable.Range(0, 200).Select(i => $"saņēmējs-{i}-{batch:N}@kaimini.test").ToList();
        await QueueAsync(addresses, batch);
        using var first = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);
        using var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);

        var claimed = await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        Assert.Equal(200, claimed.Sum());
        Assert.True(claimed.All(c => c > 0), $"Both dispatchers should have worked: {claimed[0]} and {claimed[1]}.");
        var arrived = app.Smtp.Messages.Where(m => m.To.Mailboxes.Single().Address.EndsWith($"{batch:N}@kaimini.test")).ToList();
        Assert.Equal(200, arrived.Count);
        Assert.Equal(200, arrived.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(addresses.Order(), arrived.Select(m => m.To.Mailboxes.Single().Address).Order());
        var states = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.BatchId == batch)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(OutboxStatus.Sent, Assert.Single(states).Key);
    }

    [Fact]
    public async Task A_message_whose_dispatcher_died_goes_again_with_the_same_message_id_and_a_live_claim_is_respected()
    {
        var batch = Guid.NewGuid();
        var (dead, alive) = ($"pamests-{batch:N}@kaimini.test", $"aiznemts-{batch:N}@kaimini.test");
        var ids = await QueueAsync([dead, alive], batch);
        // One dispatcher died after claiming: its lease has run out. Another holds a live claim.
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ids[0]).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, 1).SetProperty(m => m.LockedUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ids[1]).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, 1).SetProperty(m => m.LockedUntil, DateTimeOffset.UtcNow.AddMinutes(5))));
        using var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);

        await DrainAsync(dispatcher);

        var message = await app.Smtp.WaitForMessageAsync(dead);
        Assert.Equal($"{ids[0]:N}@kaimini.test", message.MessageId);
        Assert.Empty(app.Smtp.MessagesTo(alive));
        var attempts = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == ids[0]).Select(m => m.Attempts).SingleAsync());
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Essential_mail_is_sent_before_a_waiting_bulk_send()
    {
        var batch = Guid.NewGuid();
        await QueueAsync(Enumerable.Range(0, 10).Select(i => $"masveida-{i}-{batch:N}@kaimini.test").ToList(), batch);
        var urgent = $"steidzami-{batch:N}@kaimini.test";
        await app.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<Mailer>().QueueAsync(new EmailRecipient(urgent, "Steidzams", "lv"),
                new PasswordResetEmail("http://kaimini.test/account/reset-password"), "test", essential: true);
            await s.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        using var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);

        await dispatcher.DispatchAsync(CancellationToken.None);

        var first = app.Smtp.Messages.First(m => m.To.Mailboxes.Single().Address.Contains($"{batch:N}"));
        Assert.Equal(urgent, first.To.Mailboxes.Single().Address);
        await DrainAsync(dispatcher);
    }

    private async Task<List<Guid>> QueueAsync(IReadOnlyList<string> addresses, Guid batch)
    {
        var ids = new List<Guid>();
        await app.WithScopeAsync(async s =>
        {
            var mailer = s.GetRequiredService<Mailer>();
            foreach (var address in addresses)
            {
                var row = await mailer.QueueAsync(new EmailRecipient(address, "Līga", "lv"),
                    new RoleInvitationEmail(Roles.Organiser, "Anna Ozola", DateTimeOffset.UtcNow.AddDays(14), "http://kaimini.test/invitations/x"), "test", essential: false, batch);
                ids.Add(row!.Id);
            }

            await s.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        return ids;
    }

    private static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
    {
        var total = 0;
        int claimed;
        while ((claimed = await dispatcher.DispatchAsync(CancellationToken.None)) > 0)
        {
            total += claimed;
        }

        return total;
    }

    public sealed class ManualDispatchApp : KaiminiApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            ["Outbox:BatchSize"] = "5",
        };
    }
}
