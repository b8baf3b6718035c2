using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Mail to everyone registered for an event: a cancellation, a change of time or place, an
/// organiser's message. Queued through the outbox (not saved: the caller saves, so the change and its
/// mail commit together), each in the registrant's own language.</summary>
public class EventNotices(AppDbContext db, Mailer mailer, PublicUrls urls, Events.EventCalendar calendar)
{
    /// <summary>The event's public page, the link its notices carry.</summary>
    public string EventLink(Event ev) => urls.Absolute(Links.Events.Show(ev.Slug));

    /// <summary>Queues <paramref name="message"/> to each registration with one of the statuses
    /// <paramref name="to"/>; with <paramref name="withCalendar"/>, those with a place also get the event's <c>.ics</c>.</summary>
    public async Task<int> QueueAsync(Event ev, IReadOnlyCollection<RegistrationStatus> to, EmailModel message,
        string category, CancellationToken ct, bool withCalendar = false)
    {
        var recipients = await Registrants(ev, to)
            .Select(r => new { Recipient = new EmailRecipient(r.Email, r.Name, r.Culture), r.Status })
            .ToListAsync(ct);
        // The updated event for the calendars of those who have a place.
        // In each recipient's language (the title may have an English version).
        var ics = new Dictionary<string, IReadOnlyList<EmailAttachment>>();
        IReadOnlyList<EmailAttachment> CalendarFor(string culture) => !withCalendar ? []
            : ics.TryGetValue(culture, out var made) ? made
            : ics[culture] = [new EmailAttachment($"{ev.Slug}.ics", "text/calendar; charset=utf-8; method=PUBLISH",
                System.Text.Encoding.UTF8.GetBytes(calendar.Serialize([Events.CalendarEntry.Of(ev, culture)])))];
        var batch = Guid.CreateVersion7();
        foreach (var r in recipients)
        {
            await mailer.QueueAsync(r.Recipient,
                message with { Attachments = r.Status == RegistrationStatus.Confirmed ? CalendarFor(r.Recipient.Culture) : [] },
                category, essential: true, batch, ct);
        }

        return recipients.Count;
    }

    /// <summary>Who a notice goes to: the registrations with one of the statuses, in sign-up order.</summary>
    public IQueryable<EventRegistration> Registrants(Event ev, IReadOnlyCollection<RegistrationStatus> to) =>
        db.EventRegistrations.AsNoTracking()
            // Registrations anonymised (a deleted account, an erasure) have no address left; walk-ins never had one.
            .Where(r => r.EventId == ev.Id && to.Contains(r.Status) && r.AnonymisedAt == null && !r.WalkIn)
            .OrderBy(r => r.CreatedAt);
}
