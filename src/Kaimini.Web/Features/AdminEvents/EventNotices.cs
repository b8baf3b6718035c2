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
    /// <summary>Arguments {0} title, {1} start (Riga time), {2} place, then <paramref name="extra"/> from {3}.</summary>
    public async Task<int> QueueAsync(Event ev, IReadOnlyCollection<RegistrationStatus> to, string subjectKey, IReadOnlyList<string> paragraphKeys,
        string category, IReadOnlyList<object> extra, CancellationToken ct, bool withCalendar = false)
    {
        var recipients = await db.EventRegistrations.AsNoTracking()
            // Registrations anonymised (a deleted account, an erasure) have no address left; walk-ins never had one.
            .Where(r => r.EventId == ev.Id && to.Contains(r.Status) && r.AnonymisedAt == null && !r.WalkIn)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { Recipient = new EmailRecipient(r.Email, r.Name, r.Culture), r.Status })
            .ToListAsync(ct);
        // The updated event for the calendars of those who have a place.
        // In each recipient's language (the title may have an English version).
        var ics = new Dictionary<string, IReadOnlyList<EmailAttachment>>();
        IReadOnlyList<EmailAttachment>? CalendarFor(string culture) => !withCalendar ? null
            : ics.TryGetValue(culture, out var made) ? made
            : ics[culture] = [new EmailAttachment($"{ev.Slug}.ics", "text/calendar; charset=utf-8; method=PUBLISH",
                System.Text.Encoding.UTF8.GetBytes(calendar.Serialize([Events.CalendarEntry.Of(ev, culture)])))];
        var batch = Guid.CreateVersion7();
        object[] args = [ev.LocalTitle(), ev.StartsAt.ToRiga(), ev.Location, .. extra];
        foreach (var r in recipients)
        {
            await mailer.QueueAsync(r.Recipient,
                new EmailContent(subjectKey, paragraphKeys, new EmailLink("Email.Event.Open", urls.Absolute($"/events/{ev.Slug}")), args,
                    r.Status == RegistrationStatus.Confirmed ? CalendarFor(r.Recipient.Culture) : null),
                category, essential: true, batch, ct);
        }

        return recipients.Count;
    }

}
