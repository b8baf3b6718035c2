using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>The progress of an event's invitations or message while the worker sends them; whoever
/// manages the event sees it.</summary>
[Route("admin/events")]
[Authorize]
public class EventSendsController(AppDbContext db) : Controller
{
    [AuthorizeEvent]
    [HttpGet("{slug}/sends/{id:guid}")]
    public async Task<IActionResult> Send(string slug, Guid id, CancellationToken ct)
    {
        var eventId = ManagedEvent.Of(HttpContext).Id;
        var kind = await db.BulkSends.Where(b => b.Id == id && b.EventId == eventId).Select(b => (BulkSendKind?)b.Kind).SingleOrDefaultAsync(ct);
        if (kind is null || await BulkSendProgress.OfAsync(db, id, ct) is not { } progress)
        {
            return NotFound();
        }

        var ev = await ManagedEvent.PageAsync(db, eventId, progress, ct);
        return View("Send", new EventSendViewModel(ev.Slug, ev.Title, kind.Value, new BulkSendProgressView(progress,
            Links.AdminEvents.SendProgress(ev.Slug, id), Links.AdminEvents.Send(ev.Slug, id))));
    }

    /// <summary>For the progress page's script.</summary>
    [AuthorizeEvent]
    [HttpGet("{slug}/sends/{id:guid}/progress")]
    public async Task<IActionResult> Progress(string slug, Guid id, CancellationToken ct)
    {
        var eventId = ManagedEvent.Of(HttpContext).Id;
        return await db.BulkSends.AnyAsync(b => b.Id == id && b.EventId == eventId, ct) && await BulkSendProgress.OfAsync(db, id, ct) is { } progress
            ? Json(progress.ToJson())
            : NotFound();
    }
}

public sealed record EventSendViewModel(string Slug, LocalText Title, BulkSendKind Kind, BulkSendProgressView Progress);
