using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Invitations;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaimini.Web.Features.Events;

public enum SignUpOutcome
{
    Confirmed,
    Waitlisted,
    AlreadyRegistered,
    Closed,
}

/// <summary>Signing up and cancelling. Both lock the event's row (SELECT … FOR UPDATE) for the
/// length of their transaction, so places are counted one sign-up at a time and an event is never
/// oversubscribed, however many people press the button at once. A cancellation promotes the first
/// person waiting, in the same transaction. Every step's e-mail goes through the outbox.</summary>
public class EventSignup(AppDbContext db, Mailer mailer, PublicUrls urls, EventCalendar calendar, TimeProvider clock, ILogger<EventSignup> logger)
{
    public async Task<(SignUpOutcome Outcome, EventRegistration? Registration)> SignUpAsync(int eventId, SignUpValues values, CancellationToken ct)
    {
        var email = values.Email.Trim().ToLowerInvariant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = await LockAsync(eventId, ct);
        var now = clock.GetUtcNow();
        if (ev is null || !ev.AcceptsSignUpsAt(now))
        {
            return (SignUpOutcome.Closed, null);
        }

        if (await db.EventRegistrations.AnyAsync(r => r.EventId == eventId && r.Email == email, ct))
        {
            return (SignUpOutcome.AlreadyRegistered, null);
        }

        var confirmed = await db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed, ct);
        var status = ev.Capacity is { } capacity && confirmed >= capacity ? RegistrationStatus.Waitlisted : RegistrationStatus.Confirmed;
        var (token, hash) = InvitationTokens.Create();
        var registration = new EventRegistration
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            UserId = values.UserId,
            Name = values.Name.Trim(),
            Email = email,
            ParticipantType = values.ParticipantType,
            TerritoryId = values.TerritoryId,
            AccessibilityNeeds = string.IsNullOrWhiteSpace(values.AccessibilityNeeds) ? null : values.AccessibilityNeeds.Trim(),
            ListConsent = values.ListConsent,
            Culture = Cultures.Current,
            Status = status,
            ManageTokenHash = hash,
            CreatedAt = now,
        };
        db.EventRegistrations.Add(registration);
        await QueueAsync(ev, registration, token, status == RegistrationStatus.Confirmed ? "Email.SignUp.Confirmed" : "Email.SignUp.Waitlisted", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return (SignUpOutcome.AlreadyRegistered, null);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Registration {RegistrationId} for event {EventId}: {Status}", registration.Id, eventId, status);
        return (status == RegistrationStatus.Confirmed ? SignUpOutcome.Confirmed : SignUpOutcome.Waitlisted, registration);
    }

    /// <summary>Cancels the registration and, if it held a place, gives the place to the first
    /// person waiting. False when the registration was already cancelled.</summary>
    public async Task<bool> CancelAsync(EventRegistration registration, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = await LockAsync(registration.EventId, ct);
        await db.Entry(registration).ReloadAsync(ct);
        if (ev is null || registration.Status == RegistrationStatus.Cancelled)
        {
            return false;
        }

        var heldPlace = registration.Status == RegistrationStatus.Confirmed;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = clock.GetUtcNow();
        if (heldPlace && ev.Status == EventStatus.Published)
        {
            var next = await db.EventRegistrations
                .Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .FirstOrDefaultAsync(ct);
            if (next is not null)
            {
                next.Status = RegistrationStatus.Confirmed;
                next.PromotedAt = clock.GetUtcNow();
                // A new link: the old one stays valid too, so the promoted person can use either.
                await QueueAsync(ev, next, null, "Email.SignUp.Promoted", ct);
                logger.LogInformation("Registration {RegistrationId} promoted from the waitlist of event {EventId}", next.Id, ev.Id);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Registration {RegistrationId} cancelled", registration.Id);
        return true;
    }

    private async Task<Event?> LockAsync(int eventId, CancellationToken ct) =>
        await db.Events.FromSql($"SELECT * FROM events WHERE id = {eventId} FOR UPDATE").SingleOrDefaultAsync(ct);

    private async Task QueueAsync(Event ev, EventRegistration registration, string? token, string bodyKey, CancellationToken ct)
    {
        var link = token is null ? null : new EmailLink("Email.SignUp.Manage", urls.Absolute($"/events/registrations/{token}"));
        var starts = ev.StartsAt.ToRiga();
        await mailer.QueueAsync(new EmailRecipient(registration.Email, registration.Name, registration.Culture),
            new EmailContent($"{bodyKey}.Subject", [bodyKey, "Email.SignUp.When", "Email.SignUp.Where"], link,
                [ev.Title, starts, ev.Venue + (ev.Address is null ? "" : $", {ev.Address}")],
                // The event for the person's calendar, unless they are only waiting for a place.
                registration.Status == RegistrationStatus.Confirmed
                    ? [new EmailAttachment($"{ev.Slug}.ics", "text/calendar; charset=utf-8; method=PUBLISH", System.Text.Encoding.UTF8.GetBytes(
                        calendar.Serialize([new CalendarEntry(ev.Id, ev.Slug, ev.Title, null, ev.Venue + (ev.Address is null ? "" : $", {ev.Address}"),
                            ev.StartsAt, ev.EndsAt, false)])))]
                    : null),
            "event.registration", essential: true, ct: ct);
    }
}

public sealed record SignUpValues(string Name, string Email, ParticipantType ParticipantType, int? TerritoryId,
    string? AccessibilityNeeds, bool ListConsent, string? UserId);
