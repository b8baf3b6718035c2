using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Events;
using Kaimini.Web.Features.Invitations.Emails;
using Kaimini.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Email;

/// <summary>Two portal instances, each with its own background jobs and mail server, on one database.</summary>
public class TwoInstancesTests(KaiminiApp first) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Five_hundred_queued_messages_leave_once_each_between_two_instances()
    {
        await using var second = new SecondInstance(first.DatabaseName);
        await second.InitializeAsync();
        _ = second.Services; // starts its background jobs
        var batch = Guid.NewGuid();
        var addresses = Enumerable.Range(0, 500).Select(i => $"abi-{i}-{batch:N}@kaimini.test").ToList();

        await first.WithScopeAsync(async s =>
        {
            var mailer = s.GetRequiredService<Mailer>();
            foreach (var address in addresses)
            {
                await mailer.QueueAsync(new EmailRecipient(address, "Līga", "lv"),
                    new RoleInvitationEmail(Roles.Organiser, "Anna Ozola", DateTimeOffset.UtcNow.AddDays(14), "http://kaimini.test/invitations/x"), "test", essential: false, batch);
            }

            await s.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

        await Eventually.TrueAsync(async () => await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.BatchId == batch && m.Status == OutboxStatus.Sent)) == 500,
            "The instances did not send the batch in time.", seconds: 120);

        // All 500 are marked sent: none is left that could go again.
        var arrived = first.Smtp.Messages.Concat(second.Smtp.Messages).Where(m => m.To.Mailboxes.Single().Address.EndsWith($"{batch:N}@kaimini.test")).ToList();
        Assert.Equal(500, arrived.Count);
        Assert.Equal(500, arrived.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(addresses.Order(), arrived.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task Reminders_go_once_when_both_instances_run_the_job_at_the_same_moment()
    {
        await using var second = new SecondInstance(first.DatabaseName);
        await second.InitializeAsync();
        var ev = await TestEvents.CreateAsync(first, "Forums divām instancēm", startsAt: first.Clock.GetUtcNow().AddHours(24),
            configure: e => e.ReminderHoursBefore = 48);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await first.WithDbAsync(async db =>
        {
            for (var i = 0; i < 60; i++)
            {
                db.EventRegistrations.Add(new EventRegistration
                {
                    Id = Guid.CreateVersion7(),
                    EventId = ev.Id,
                    Name = $"Dalībnieks {i}",
                    Email = $"atgadinat{i}.{tag}@example.lv",
                    PersonHash = TestUsers.PersonHash($"atgadinat{i}.{tag}@example.lv"),
                    Status = RegistrationStatus.Confirmed,
                    ManageTokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                    // Signed up before the reminder time (a day ago), so each is reminded.
                    CreatedAt = first.Clock.GetUtcNow().AddDays(-3),
                });
            }

            return await db.SaveChangesAsync();
        });

        async Task RunAsync(KaiminiApp instance)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EventReminders>().SendDueAsync(CancellationToken.None);
        }

        await Task.WhenAll(RunAsync(first), RunAsync(second), RunAsync(first), RunAsync(second));

        Assert.Equal(60, await first.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.RemindedAt != null)));
        var queued = await first.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient.EndsWith($".{tag}@example.lv")).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(60, queued.Count);
        Assert.Equal(60, queued.Distinct().Count());
    }

    private sealed class SecondInstance(string database) : KaiminiApp(database);
}
