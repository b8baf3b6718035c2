using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Events.Emails;
using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Privacy;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaimini.Web.Features.Events;

public enum SignUpOutcome
{
    Confirmed,
    Waitlisted,
    Closed,
    NotYetOpen,
    NotInvited,
    LeadersOnly,
}

/// <summary>Signing up and cancelling. Both lock the event's row (SELECT … FOR UPDATE) for the
/// length of their transaction, so places are counted one sign-up at a time and an event is never
/// oversubscribed, however many people press the button at once. A cancellation promotes the first
/// person waiting, in the same transaction. Every step's e-mail goes through the outbox.</summary>
public class EventSignup(AppDbContext db, Mailer mailer, PublicUrls urls, EventCalendar calendar, PersonHasher hasher, TimeProvider clock,
    ILogger<EventSignup> logger)
{
    public async Task<(SignUpOutcome Outcome, EventRegistration? Registration)> SignUpAsync(int eventId, SignUpValues values, CancellationToken ct)
    {
        var email = values.Email.Trim().ToLowerInvariant();
        // Who the person is for reports, from the start: the value the address keeps after
        // anonymisation. Before the lock: the first call may read the key on a connection of its own.
        var personHash = await hasher.HashAsync(email, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = await LockAsync(eventId, ct);
        var now = clock.GetUtcNow();
        var window = ev?.SignUpWindowAt(now) ?? SignUpWindow.Closed;
        if (ev is null || window != SignUpWindow.Open)
        {
            return (window == SignUpWindow.NotYetOpen ? SignUpOutcome.NotYetOpen : SignUpOutcome.Closed, null);
        }

        if (ev.Audience == EventAudience.LeadersOnly && !await IsLeaderAsync(values.UserId, ct))
        {
            return (SignUpOutcome.LeadersOnly, null);
        }

        // The link's token, not only the address: an address anyone can type.
        var invitation = values.InvitationToken is { Length: > 0 } invitationToken
            ? await FindInvitationAsync(ev.Id, invitationToken, email, ct) : null;
        if (ev.Audience == EventAudience.InvitationOnly && invitation is null)
        {
            return (SignUpOutcome.NotInvited, null);
        }

        var places = await PlacesTakenAsync(eventId, ct);
        var quotaApproved = values.ParticipantType.HasKeptPlaces()
            && (values.QuotaEligible || invitation?.Role == values.ParticipantType.ToString());
        var placeType = quotaApproved ? values.ParticipantType : ParticipantType.Resident;
        var status = places.HasRoomFor(ev, placeType) ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;

        // One registration per address. A second sign-up with it changes nothing and gets the answer a
        // new one would, so the form tells nobody whether (or how) someone is registered; the address's
        // owner is told by e-mail, and the manage link they have keeps working. Someone who cancelled
        // may come back, at the end of the queue.
        var existing = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == eventId && r.Email == email, ct);
        if (existing is { Status: not RegistrationStatus.Cancelled })
        {
            // Signed in with this very address, the person shows it is theirs: that confirms it.
            if (values.OwnAccountAddress)
            {
                existing.EmailConfirmedAt ??= now;
            }

            await QueueAsync(ev, existing, new SignUpAgainEmail(EventFacts.Of(ev), urls.Absolute(Links.Events.Show(ev.Slug))), ct, attachCalendar: false);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Registration {RegistrationId}: another sign-up with its address, owner told", existing.Id);
            return (status == RegistrationStatus.Confirmed ? SignUpOutcome.Confirmed : SignUpOutcome.Waitlisted, null);
        }

        var (token, hash) = LinkTokens.Create();
        var registration = existing ?? new EventRegistration
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            Name = "",
            Email = email,
            ManageTokenHash = "",
            PersonHash = "",
        };
        registration.PersonHash = personHash;
        registration.UserId = values.UserId;
        registration.Name = values.Name.Trim();
        registration.ParticipantType = values.ParticipantType;
        registration.TerritoryId = values.TerritoryId;
        registration.CommunityId = values.CommunityId;
        registration.CommunityName = string.IsNullOrWhiteSpace(values.CommunityName) ? null : values.CommunityName.Trim();
        registration.AccessibilityNeeds = string.IsNullOrWhiteSpace(values.AccessibilityNeeds) ? null : values.AccessibilityNeeds.Trim();
        registration.ListConsent = values.ListConsent;
        registration.EmailConfirmedAt = values.OwnAccountAddress ? now : null;
        registration.QuotaApproved = quotaApproved;
        registration.Culture = Cultures.Current;
        registration.Status = status;
        registration.ManageTokenHash = hash;
        registration.CreatedAt = now;
        registration.PromotedAt = null;
        registration.CancelledAt = null;
        registration.RemindedAt = null;
        registration.CheckedInAt = null;
        if (existing is null)
        {
            db.EventRegistrations.Add(registration);
        }

        var manage = ManageLink(token);
        await QueueAsync(ev, registration, status == RegistrationStatus.Confirmed
            ? new SignUpConfirmedEmail(EventFacts.Of(ev), manage)
            : new SignUpWaitlistedEmail(EventFacts.Of(ev), manage), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone else's sign-up with this address won the race: the same answer as above.
            return (status == RegistrationStatus.Confirmed ? SignUpOutcome.Confirmed : SignUpOutcome.Waitlisted, null);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Registration {RegistrationId} for event {EventId}: {Status}", registration.Id, eventId, status);
        return (status == RegistrationStatus.Confirmed ? SignUpOutcome.Confirmed : SignUpOutcome.Waitlisted, registration);
    }

    /// <summary>May sign up for an event for community leaders: leads a community in the directory.</summary>
    public async Task<bool> IsLeaderAsync(string? userId, CancellationToken ct) =>
        userId is not null && await db.CommunityMemberships.AnyAsync(m => m.UserId == userId && m.IsLeader
            && m.Community!.Status == CommunityStatus.Published, ct);

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
        // A word that it worked, and how to come back.
        await QueueAsync(ev, registration, new SignUpCancelledEmail(EventFacts.Of(ev), urls.Absolute(Links.Events.Show(ev.Slug))), ct, attachCalendar: false);
        if (heldPlace && ev.Status == EventStatus.Published && clock.GetUtcNow() < ev.StartsAt)
        {
            await db.SaveChangesAsync(ct);
            await PromoteWaitingAsync(ev, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Registration {RegistrationId} cancelled", registration.Id);
        return true;
    }

    /// <summary>Gives free places to those waiting, first come first served, as far as capacity and
    /// the quotas allow (someone later in the queue gets a place their side still has). The caller
    /// holds the event's lock (<see cref="LockAsync"/>) in a transaction, and saves.</summary>
    public async Task<int> PromoteWaitingAsync(Event ev, CancellationToken ct)
    {
        var places = await PlacesTakenAsync(ev.Id, ct);
        var waiting = await db.EventRegistrations
            .Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(ct);
        var promoted = 0;
        foreach (var next in waiting)
        {
            if (ev.Capacity is { } capacity && places.Total >= capacity)
            {
                break;
            }

            if (!places.HasRoomFor(ev, next.PlaceType))
            {
                continue;
            }

            next.Status = RegistrationStatus.Confirmed;
            next.PromotedAt = clock.GetUtcNow();
            places = places.With(next.PlaceType);
            // A fresh manage link in the news (only hashes are kept, so the old one gives way).
            var (token, hash) = LinkTokens.Create();
            next.ManageTokenHash = hash;
            await QueueAsync(ev, next, new SignUpPromotedEmail(EventFacts.Of(ev), ManageLink(token)), ct);
            logger.LogInformation("Registration {RegistrationId} promoted from the waitlist of event {EventId}", next.Id, ev.Id);
            promoted++;
        }

        return promoted;
    }

    /// <summary>Confirmed places by the side they count against (<see cref="EventRegistration.PlaceType"/>).
    /// Walk-ins take none: they came when the places no longer mattered, and someone who signed up and
    /// cancels still gives their place to the next person waiting.</summary>
    public async Task<PlacesTaken> PlacesTakenAsync(int eventId, CancellationToken ct)
    {
        var counts = await db.EventRegistrations
            .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed && !r.WalkIn)
            .GroupBy(r => r.QuotaApproved ? r.ParticipantType : ParticipantType.Resident)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new PlacesTaken(counts);
    }

    /// <summary>The invitation to this event whose link carried the token, for the address it was sent
    /// to (not revoked). Its <c>Invitation.Role</c> names the kept places it opens, if any.</summary>
    public Task<Invitation?> FindInvitationAsync(int eventId, string token, string email, CancellationToken ct)
    {
        var target = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hash = LinkTokens.Hash(token);
        var address = email.Trim().ToLowerInvariant();
        return db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash && i.Purpose == InvitationPurpose.Event
            && i.TargetId == target && i.Email == address && i.Status != InvitationStatus.Revoked, ct);
    }

    /// <summary>An organiser lets a sign-up take its side's kept places; if it was waiting and now
    /// fits, it gets a place. False when there was nothing to approve.</summary>
    public async Task<bool> ApproveQuotaAsync(EventRegistration registration, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = await LockAsync(registration.EventId, ct);
        await db.Entry(registration).ReloadAsync(ct);
        if (ev is null || registration.QuotaApproved || !registration.ParticipantType.HasKeptPlaces() || registration.WalkIn
            || registration.Status == RegistrationStatus.Cancelled)
        {
            return false;
        }

        registration.QuotaApproved = true;
        await db.SaveChangesAsync(ct);
        if (ev.Status == EventStatus.Published && clock.GetUtcNow() < ev.StartsAt)
        {
            await PromoteWaitingAsync(ev, ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Registration {RegistrationId} approved for its kept places", registration.Id);
        return true;
    }

    /// <summary>Locks the event's row for the rest of the transaction and returns it, tracked.</summary>
    public async Task<Event?> LockAsync(int eventId, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<Event>().Any(e => e.Entity.Id == eventId);
        var ev = await db.Events.FromSql($"SELECT * FROM events WHERE id = {eventId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (ev is not null && tracked)
        {
            // EF returns an already tracked instance with the values it had: read what the lock guards.
            await db.Entry(ev).ReloadAsync(ct);
        }

        return ev;
    }

    private string ManageLink(string token) => urls.Absolute(Links.Events.Registration(token));

    private async Task QueueAsync(Event ev, EventRegistration registration, EmailModel message, CancellationToken ct, bool attachCalendar = true)
    {
        // The event for the person's calendar, unless they are only waiting for a place.
        if (registration.Status == RegistrationStatus.Confirmed && attachCalendar)
        {
            message = message with
            {
                Attachments = [new EmailAttachment($"{ev.Slug}.ics", "text/calendar; charset=utf-8; method=PUBLISH", System.Text.Encoding.UTF8.GetBytes(
                    calendar.Serialize([CalendarEntry.Of(ev, registration.Culture)])))],
            };
        }

        await mailer.QueueAsync(new EmailRecipient(registration.Email, registration.Name, registration.Culture), message,
            "event.registration", essential: true, ct: ct);
    }
}

/// <param name="OwnAccountAddress">Signed in, with the account's (confirmed) address: the address is theirs.</param>
/// <param name="QuotaEligible">The account may take its side's kept places (a member of a community in
/// the directory for NGO places, a MunicipalityStaff account for the municipality's).</param>
/// <param name="InvitationToken">The token of the invitation link the form was opened from.</param>
public sealed record SignUpValues(string Name, string Email, ParticipantType ParticipantType, int? TerritoryId,
    string? AccessibilityNeeds, bool ListConsent, string? UserId, int? CommunityId = null, string? CommunityName = null,
    bool OwnAccountAddress = false, bool QuotaEligible = false, string? InvitationToken = null);
