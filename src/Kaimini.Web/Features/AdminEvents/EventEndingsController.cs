using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.AdminEvents.Emails;
using Kaimini.Web.Features.Events;
using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>How an event ends for its organisers: cancelled, with a notice to everyone registered,
/// or held, with its outcome recorded.</summary>
[Route("admin/events")]
[Authorize]
public class EventEndingsController(AppDbContext db, EventSignup signup, EventNotices notices, TimeProvider clock,
    IStringLocalizer<SharedResource> t, ILogger<EventEndingsController> logger) : Controller
{
    [AuthorizeEvent]
    [HttpGet("{slug}/cancel")]
    public async Task<IActionResult> Cancel(string slug, CancellationToken ct) =>
        View("Cancel", await ManagedEvent.PageAsync(db, ManagedEvent.Of(HttpContext).Id, new CancelEventForm(), ct));

    /// <summary>Cancels the event and mails the notice to everyone confirmed or waiting.</summary>
    [AuthorizeEvent]
    [HttpPost("{slug}/cancel")]
    public async Task<IActionResult> CancelConfirmed(string slug, CancelEventForm form, CancellationToken ct)
    {
        // The status is read under the lock: a second press of the button finds it cancelled.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = (await signup.LockAsync(ManagedEvent.Of(HttpContext).Id, ct))!;
        if (!ev.CanBeCancelled)
        {
            ModelState.AddModelError("", t["Event.Error.NotCancellable"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Cancel", new ManagedPageViewModel<CancelEventForm>(ev.Slug, ev.LocalTitle(), ev.Status, form));
        }

        var wasPublished = ev.Status == EventStatus.Published;
        ev.Cancel(form.Notice!, clock.GetUtcNow());
        var told = wasPublished
            ? await notices.QueueAsync(ev, [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
                new EventCancelledEmail(EventFacts.Of(ev), ev.CancellationNotice, notices.EventLink(ev)), "event.cancelled", ct)
            : 0;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Event {EventId} cancelled; {Recipients} registrants told", ev.Id, told);
        TempData["Status"] = "Event.CancelledStatus";
        return Redirect(Links.Events.Show(ev.Slug));
    }

    [AuthorizeEvent]
    [HttpGet("{slug}/outcome")]
    public async Task<IActionResult> Outcome(string slug, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == ManagedEvent.Of(HttpContext).Id, ct);
        var arrived = await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.CheckedInAt != null, ct);
        return View("Outcome", new ManagedPageViewModel<OutcomeForm>(ev.Slug, ev.LocalTitle(), ev.Status,
            new OutcomeForm { Summary = ev.OutcomeSummary, Decisions = ev.OutcomeDecisions, HeadCount = ev.HeadCount ?? (arrived > 0 ? arrived : null) }));
    }

    /// <summary>Records what the event achieved; the event counts as completed from then on.</summary>
    [AuthorizeEvent]
    [HttpPost("{slug}/outcome")]
    public async Task<IActionResult> SaveOutcome(string slug, OutcomeForm form, CancellationToken ct)
    {
        var ev = await db.Events.SingleAsync(e => e.Id == ManagedEvent.Of(HttpContext).Id, ct);
        var now = clock.GetUtcNow();
        if (!ev.CanRecordOutcomeAt(now))
        {
            ModelState.AddModelError("", t["Event.Error.OutcomeTooEarly"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Outcome", new ManagedPageViewModel<OutcomeForm>(ev.Slug, ev.LocalTitle(), ev.Status, form));
        }

        ev.RecordOutcome(form.Summary!, form.Decisions, form.HeadCount, now);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Event.OutcomeSaved";
        return Redirect(Links.Events.Show(ev.Slug));
    }
}
