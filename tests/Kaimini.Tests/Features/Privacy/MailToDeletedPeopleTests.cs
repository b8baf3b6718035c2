using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Account.Emails;
using Kaimini.Web.Features.AdminEvents;
using Kaimini.Web.Features.AdminEvents.Emails;
using Kaimini.Web.Features.Events;
using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kaimini.Tests.Features.Privacy;

public class MailToDeletedPeopleTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Registrations_of_a_deleted_account_get_no_notices_reminders_or_promotion_mail()
    {
        var (client, user) = await app.LoggedInAsync(null);
        var forum = await TestEvents.CreateAsync(app, "Forums ar atgādinājumu", startsAt: DateTimeOffset.UtcNow.AddDays(20),
            configure: e => e.ReminderHoursBefore = 48);
        var trip = await TestEvents.CreateAsync(app, "Pilns brauciens", capacity: 1);
        var neighbour = TestUsers.UniqueEmail("kaimins");
        var waitingNeighbour = TestUsers.UniqueEmail("gaida");
        await TestRegistrations.AddAsync(app, forum, neighbour, "Kaimiņš");
        var deletedOnForum = await TestRegistrations.AddAsync(app, forum, user.Email!, "Aizgājējs", userId: user.Id);
        var holder = await TestRegistrations.AddAsync(app, trip, neighbour, "Kaimiņš", createdAt: DateTimeOffset.UtcNow.AddMinutes(-3));
        var deletedWaiting = await TestRegistrations.AddAsync(app, trip, user.Email!, "Aizgājējs", RegistrationStatus.Waitlisted,
            userId: user.Id, createdAt: DateTimeOffset.UtcNow.AddMinutes(-2));
        var nextWaiting = await TestRegistrations.AddAsync(app, trip, waitingNeighbour, "Gaidītāja", RegistrationStatus.Waitlisted,
            createdAt: DateTimeOffset.UtcNow.AddMinutes(-1));

        await client.SubmitAndFollowAsync(await client.GetAsync("/account/privacy"), "main form[action='/account/privacy/delete']",
            new Dictionary<string, string> { ["form.Password"] = TestUsers.Password });

        var anonymised = await TestRegistrations.FindAsync(app, deletedOnForum.Id);
        Assert.NotNull(anonymised.AnonymisedAt);
        Assert.Equal(await TestRegistrations.HashAsync(app, user.Email!), anonymised.PersonHash);
        // A place on a waiting list cannot be offered to someone without an address.
        Assert.Equal(RegistrationStatus.Cancelled, (await TestRegistrations.FindAsync(app, deletedWaiting.Id)).Status);
        var deletedAddresses = new[] { anonymised.Email, (await TestRegistrations.FindAsync(app, deletedWaiting.Id)).Email };

        // An organiser's notice to everyone registered.
        var noticed = await InScopeAsync(async s =>
        {
            var ev = await s.GetRequiredService<Kaimini.Web.Data.AppDbContext>().Events.SingleAsync(e => e.Id == forum.Id);
            var notices = s.GetRequiredService<EventNotices>();
            var count = await notices.QueueAsync(ev, [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
                new OrganiserMessageEmail(EventFacts.Of(ev), "Ziņa", "Teksts", "Organizators", notices.EventLink(ev)), "event.message",
                CancellationToken.None);
            await s.GetRequiredService<Kaimini.Web.Data.AppDbContext>().SaveChangesAsync();
            return count;
        });
        Assert.Equal(1, noticed);

        // The reminder two days before.
        var clock = new FakeTimeProvider(forum.StartsAt.AddHours(-47));
        await InScopeAsync(s => ActivatorUtilities.CreateInstance<EventReminders>(s, clock).SendDueAsync(CancellationToken.None));
        Assert.Null((await TestRegistrations.FindAsync(app, deletedOnForum.Id)).RemindedAt);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == neighbour && m.Category == "event.reminder")));

        // The place on the full trip frees up: it goes to the next person still reachable.
        await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Kaimini.Web.Data.AppDbContext>();
            return await s.GetRequiredService<EventSignup>().CancelAsync(await db.EventRegistrations.SingleAsync(r => r.Id == holder.Id), CancellationToken.None);
        });
        Assert.Equal(RegistrationStatus.Confirmed, (await TestRegistrations.FindAsync(app, nextWaiting.Id)).Status);
        Assert.Equal(RegistrationStatus.Cancelled, (await TestRegistrations.FindAsync(app, deletedWaiting.Id)).Status);

        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => deletedAddresses.Contains(m.Recipient))));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == waitingNeighbour)));
    }

    [Fact]
    public async Task Nothing_is_queued_to_an_address_the_portal_wrote_in_place_of_a_deleted_person()
    {
        var address = $"deleted-{Guid.NewGuid():N}@invalid";

        var queued = await InScopeAsync(s => s.GetRequiredService<Mailer>().QueueAsync(new EmailRecipient(address, "—", "lv"),
            new PasswordResetEmail("http://kaimini.test/account/reset-password"),
            "event.message", essential: true, ct: CancellationToken.None));

        Assert.Null(queued);
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
