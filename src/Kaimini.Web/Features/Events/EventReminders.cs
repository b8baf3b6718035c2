using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Events.Emails;
using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Jobs;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.Events;

public class EventOptions
{
    public const string Section = "Events";

    /// <summary>Run the reminder job in this instance (several may: each reminder is claimed once).</summary>
    public bool RemindersEnabled { get; set; } = true;

    /// <summary>How often the reminder job looks for events whose reminder time has come.</summary>
    public double ReminderPollSeconds { get; set; } = 60;

    /// <summary>The reminder a new event starts with, in hours before its start.</summary>
    public int DefaultReminderHours { get; set; } = 48;
}

/// <summary>Reminds confirmed participants before an event, at the event's own reminder time (by
/// default 48 hours before). Each registration is claimed with FOR UPDATE SKIP LOCKED and stamped in
/// the same transaction as its mail, so a reminder goes out once however many instances run.</summary>
public class EventReminders(AppDbContext db, Mailer mailer, PublicUrls urls, TimeProvider clock, ILogger<EventReminders> logger)
{
    /// <summary>The longest reminder an organiser can set (two weeks).</summary>
    public const int MaxHours = 336;

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = now.AddHours(MaxHours);
        var candidates = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.ReminderHoursBefore != null && e.StartsAt > now && e.StartsAt <= horizon
                && e.Registrations.Any(r => r.Status == RegistrationStatus.Confirmed && r.RemindedAt == null && r.AnonymisedAt == null && !r.WalkIn))
            .Select(e => new { e.Id, e.StartsAt, Hours = e.ReminderHoursBefore!.Value })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var e in candidates.Where(e => e.StartsAt.AddHours(-e.Hours) <= now))
        {
            sent += await RemindAsync(e.Id, e.StartsAt.AddHours(-e.Hours), ct);
        }

        return sent;
    }

    private async Task<int> RemindAsync(int eventId, DateTimeOffset remindAt, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var due = await db.EventRegistrations
            .FromSql($"SELECT * FROM event_registrations WHERE event_id = {eventId} AND status = 'Confirmed' AND reminded_at IS NULL AND anonymised_at IS NULL AND NOT walk_in FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var registration in due)
        {
            registration.RemindedAt = now;
            // Someone who got their place after the reminder time has just had a confirmation.
            if ((registration.PromotedAt ?? registration.CreatedAt) >= remindAt)
            {
                continue;
            }

            // The personal link, so that nobody has to look for the first e-mail: a fresh one (only
            // hashes are kept), and the mail says the earlier one gives way.
            var (token, hash) = LinkTokens.Create();
            registration.ManageTokenHash = hash;
            await mailer.QueueAsync(new EmailRecipient(registration.Email, registration.Name, registration.Culture),
                new EventReminderEmail(EventFacts.Of(ev), urls.Absolute(Links.Events.Registration(token))),
                "event.reminder", essential: true, ct: ct);
            sent++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (due.Count > 0)
        {
            logger.LogInformation("Event {EventId}: {Sent} reminders queued", eventId, sent);
        }

        return sent;
    }
}

/// <summary>Runs <see cref="EventReminders"/> every <see cref="EventOptions.ReminderPollSeconds"/>.</summary>
public class EventReminderWorker(IServiceScopeFactory scopes, IOptions<EventOptions> options, ILogger<EventReminderWorker> logger)
    : PeriodicJobWorker(scopes, logger)
{
    protected override string JobName => "Reminders";

    protected override bool Enabled => options.Value.RemindersEnabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.ReminderPollSeconds);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<EventReminders>().SendDueAsync(ct);
}
