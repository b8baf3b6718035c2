using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>An organiser writes to an event's participants.</summary>
[Route("admin/events")]
[Authorize]
public class EventMessagesController(AppDbContext db, UserManager<AppUser> users, EventNotices notices, BulkSendQueue sends,
    ILogger<EventMessagesController> logger) : Controller
{
    [AuthorizeEvent]
    [HttpGet("{slug}/message")]
    public async Task<IActionResult> Message(string slug, CancellationToken ct) =>
        View("Message", await ManagedEvent.PageAsync(db, ManagedEvent.Of(HttpContext).Id, new ParticipantMessageForm(), ct));

    /// <summary>An organiser's message to every confirmed participant (and, if asked, those waiting).</summary>
    [AuthorizeEvent]
    [HttpPost("{slug}/message")]
    public async Task<IActionResult> SendMessage(string slug, ParticipantMessageForm form, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == ManagedEvent.Of(HttpContext).Id, ct);
        if (!ModelState.IsValid)
        {
            return View("Message", new ManagedPageViewModel<ParticipantMessageForm>(ev.Slug, ev.LocalTitle(), ev.Status, form));
        }

        RegistrationStatus[] to = form.IncludeWaitlisted ? [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted] : [RegistrationStatus.Confirmed];
        var recipients = await notices.Registrants(ev, to).Select(r => new { r.Email, r.Name, r.Culture }).ToListAsync(ct);
        if (recipients.Count == 0)
        {
            TempData["Status"] = "Event.MessageSent";
            TempData["StatusArg"] = 0;
            return Redirect(Links.AdminEvents.Registrations(ev.Slug));
        }

        var sender = await users.GetUserAsync(User);
        // Stored with its recipients; the worker writes one mail each, a chunk at a time.
        var send = sends.Add(BulkSendKind.EventMessage, sender?.Id, recipients.Select(r => (r.Email, r.Name, r.Culture)), s =>
        {
            s.EventId = ev.Id;
            s.Subject = form.Subject!.Trim();
            s.Text = form.Text!.Trim();
            s.SenderName = sender?.DisplayName ?? "";
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Organiser message for event {EventId}: bulk send {BulkSendId} to {Recipients} participants", ev.Id, send.Id, send.Total);
        return Redirect(Links.AdminEvents.Send(ev.Slug, send.Id));
    }
}
