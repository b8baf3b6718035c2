using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Organisers invite people to an event; each invited address may then sign up, also for an
/// invitation-only event.</summary>
[Route("admin/events")]
[Authorize]
public class EventInvitationsController(AppDbContext db, EventInviter inviter, UserManager<AppUser> users,
    ILogger<EventInvitationsController> logger) : Controller
{
    [AuthorizeEvent]
    [HttpGet("{slug}/invite")]
    public async Task<IActionResult> Invite(string slug, CancellationToken ct) =>
        View("Invite", await ManagedEvent.PageAsync(db, ManagedEvent.Of(HttpContext).Id, new EventInviteForm(), ct));

    /// <summary>Invites by address, every leader of the named communities, or every leader in the
    /// directory.</summary>
    [AuthorizeEvent]
    [HttpPost("{slug}/invite")]
    [SendCap]
    public async Task<IActionResult> SendInvitations(string slug, EventInviteForm form, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == ManagedEvent.Of(HttpContext).Id, ct);
        var list = await inviter.ValidateAsync(form, User, ModelState, ct);
        if (!ModelState.IsValid)
        {
            return View("Invite", new ManagedPageViewModel<EventInviteForm>(ev.Slug, ev.LocalTitle(), ev.Status, form));
        }

        var (send, skipped) = await inviter.StoreAsync(ev, form, list, users.GetUserId(User)!, ct);
        if (send is null)
        {
            TempData["Status"] = "Event.InvitationsSent";
            TempData["StatusArg"] = 0;
            return Redirect(Links.AdminEvents.Invite(ev.Slug));
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Invitations to event {EventId}: bulk send {BulkSendId} of {Total}, {Skipped} already invited", ev.Id, send.Id, send.Total, skipped);
        return Redirect(Links.AdminEvents.Send(ev.Slug, send.Id));
    }
}
