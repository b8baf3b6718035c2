using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.AdminEvents.Emails;
using Kaimini.Web.Features.Shared.Emails;
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
public class EventMessagesController(AppDbContext db, UserManager<AppUser> users, EventNotices notices,
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
        var sender = await users.GetUserAsync(User);
        var count = await notices.QueueAsync(ev, to,
            new OrganiserMessageEmail(EventFacts.Of(ev), form.Subject!.Trim(), form.Text!.Trim(), sender?.DisplayName ?? "", notices.EventLink(ev)),
            "event.message", ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Organiser message for event {EventId} queued to {Recipients} participants", ev.Id, count);
        TempData["Status"] = "Event.MessageSent";
        TempData["StatusArg"] = count;
        return Redirect(Links.AdminEvents.Registrations(ev.Slug));
    }
}
