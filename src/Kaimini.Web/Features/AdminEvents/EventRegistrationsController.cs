using System.Globalization;
using CsvHelper;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>An event's registrations for its organisers: counts by status, participant type and
/// territory, the list, a CSV export, and a phone-friendly check-in page for the door, where people
/// who came without signing up are added as walk-ins.</summary>
[Route("admin/events/{slug}")]
[Authorize]
[AuthorizeEvent]
public class EventRegistrationsController(AppDbContext db, ReferenceCache reference, TimeProvider clock,
    Events.EventSignup signup, EventSheet sheet, IStringLocalizer<SharedResource> t, ILogger<EventRegistrationsController> logger) : Controller
{
    [HttpGet("registrations")]
    public async Task<IActionResult> Index(string slug, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug).Select(e => new { e.Id, e.Title, e.TitleEn, e.Capacity }).SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return NotFound();
        }

        var refData = await reference.GetAsync(ct);
        var all = await RegistrationRow.Query(db, ev.Id).ToListAsync(ct);
        // Sign-ups made beforehand; walk-ins are on the check-in page (and in the CSV).
        var rows = all.Where(r => !r.WalkIn).ToList();
        var active = rows.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
        return View("Registrations", new RegistrationListViewModel(slug, new LocalText(ev.Title, ev.TitleEn), ev.Capacity, rows, all.Count(r => r.WalkIn),
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            active.GroupBy(r => r.ParticipantType).ToDictionary(g => g.Key, g => g.Count()),
            active.GroupBy(r => r.TerritoryId is { } id ? refData.TerritoryById[id].Name : "—")
                .OrderBy(g => g.Key, Cultures.LatvianComparer).Select(g => (g.Key, g.Count())).ToList()));
    }

    /// <summary>Semicolon-separated UTF-8 with a byte-order mark, formulas escaped, for Excel.</summary>
    [HttpGet("registrations.csv")]
    public async Task Csv(string slug, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}-dalibnieki.csv\"";
        await using var writer = new StreamWriter(Response.Body, SpreadsheetCsv.Encoding);
        await using var csv = new CsvWriter(writer, SpreadsheetCsv.Configuration(CultureInfo.InvariantCulture));
        foreach (var header in new[] { "Field.DisplayName", "Field.Email", "Registrations.Type", "Registrations.Community", "Registrations.Home", "Registrations.Needs", "Registration.Status", "Checkin.Arrived" })
        {
            csv.WriteField(t[header].Value);
        }

        await csv.NextRecordAsync();
        await foreach (var r in RegistrationRow.Query(db, await db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleOrDefaultAsync(ct)).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteField(r.Name);
            csv.WriteField(r.WalkIn ? "" : r.Email);
            csv.WriteField(t[$"ParticipantType.{r.ParticipantType}"].Value);
            csv.WriteField(r.Community ?? "");
            csv.WriteField(r.TerritoryId is { } id ? refData.TerritoryById[id].Name : "");
            csv.WriteField(r.AccessibilityNeeds ?? "");
            csv.WriteField(r.WalkIn ? t["Checkin.WalkIn.Status"].Value : t[$"Registrations.RowStatus.{r.Status}"].Value);
            csv.WriteField(r.CheckedInAt is { } at ? RigaTime.DateTime(at) : "");
            await csv.NextRecordAsync();
        }
    }

    /// <summary>The event on one printable sheet, as evidence for funders: what, when, where, the
    /// agenda, exact counts by participant type and by home (the organisers see the named list
    /// anyway, so the small-cell rule, which guards aggregates shown to others, does not apply), and a
    /// sign-in list with a signature column, with blank rows for people who come unannounced.</summary>
    [HttpGet("sheet")]
    public async Task<IActionResult> Sheet(string slug, CancellationToken ct) =>
        await sheet.BuildAsync(slug, ct) is { } model ? View(model) : NotFound();

    /// <summary>The door: confirmed sign-ups in alphabetical order, narrowed by a name typed in the
    /// search (?q=, without diacritics; a script narrows the list as one types).</summary>
    [HttpGet("check-in")]
    public async Task<IActionResult> CheckIn(string slug, string? q, CancellationToken ct) =>
        await CheckInPageAsync(slug, new WalkInForm(), q, ct) is { } page ? View(page) : NotFound();

    /// <summary>Someone who came without signing up: participant type and home territory (name
    /// optional), confirmed and checked in at once. The organiser stays on the page, told how many
    /// walk-ins there are now. Nothing is mailed (there is no address) and no place is taken.</summary>
    [HttpPost("check-in/walk-ins")]
    public async Task<IActionResult> AddWalkIn(string slug, WalkInForm walkIn, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug).Select(e => new { e.Id, e.Status, e.StartsAt }).SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        if (ev.Status is not (EventStatus.Published or EventStatus.Completed) || now < RigaTime.FromRiga(ev.StartsAt.ToRiga().Date))
        {
            ModelState.AddModelError("", t["Checkin.WalkIn.NotNow"]);
        }

        if (walkIn.TerritoryId is { } territoryId
            && (await reference.GetAsync(ct)).TerritoryById.GetValueOrDefault(territoryId)?.Kind is not (TerritoryKind.Pilseta or TerritoryKind.Pagasts))
        {
            ModelState.AddModelError("walkIn.TerritoryId", t["Community.Error.Territory"]);
        }

        if (!ModelState.IsValid)
        {
            return View("CheckIn", await CheckInPageAsync(slug, walkIn, null, ct));
        }

        var registration = EventRegistration.NewWalkIn(ev.Id, walkIn.ParticipantType!.Value, walkIn.TerritoryId!.Value, walkIn.Name, now);
        db.EventRegistrations.Add(registration);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Walk-in {RegistrationId} added to event {EventId}", registration.Id, ev.Id);
        TempData["Status"] = "Checkin.WalkIn.Added";
        TempData["StatusArg"] = await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.WalkIn, ct);
        return Redirect(Links.AdminEvents.CheckIn(slug, fragment: "walk-in"));
    }

    /// <summary>Removes a walk-in added by mistake (it was never a sign-up, so nothing is cancelled).</summary>
    [HttpPost("check-in/walk-ins/{id:guid}/remove")]
    public async Task<IActionResult> RemoveWalkIn(string slug, Guid id, CancellationToken ct)
    {
        var removed = await db.EventRegistrations.Where(r => r.Id == id && r.Event!.Slug == slug && r.WalkIn).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return NotFound();
        }

        logger.LogInformation("Walk-in {RegistrationId} removed", id);
        TempData["Status"] = "Checkin.WalkIn.Removed";
        return Redirect(Links.AdminEvents.CheckIn(slug, fragment: "walk-ins"));
    }

    private async Task<CheckInViewModel?> CheckInPageAsync(string slug, WalkInForm form, string? q, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug).Select(e => new { e.Id, e.Title, e.TitleEn }).SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return null;
        }

        // One event's list (a hundred people at most) is loaded whole and sorted here; the view hides
        // those the search does not match.
        var rows = await RegistrationRow.Query(db, ev.Id, RegistrationStatus.Confirmed).ToListAsync(ct);
        var signedUp = rows.Where(r => !r.WalkIn).OrderBy(r => r.Name, Cultures.LatvianComparer).ThenBy(r => r.CreatedAt).ToList();
        var query = q is { Length: > 100 } ? q[..100] : q;
        return new CheckInViewModel(slug, new LocalText(ev.Title, ev.TitleEn), signedUp, rows.Where(r => r.WalkIn).ToList(), form, await reference.GetAsync(ct),
            SearchText.Fold(query).Length == 0 ? null : query!.Trim());
    }

    /// <summary>Asks before an organiser cancels someone's registration; the button posts to the same address.</summary>
    [HttpGet("registrations/{id:guid}/cancel")]
    public async Task<IActionResult> ConfirmCancelRegistration(string slug, Guid id, CancellationToken ct)
    {
        var registration = await db.EventRegistrations.AsNoTracking().Where(r => r.Id == id && r.Event!.Slug == slug && !r.WalkIn)
            .Select(r => new { r.Name, r.Email, r.Status, r.Event!.Title }).SingleOrDefaultAsync(ct);
        if (registration is null)
        {
            return NotFound();
        }

        var list = Links.AdminEvents.Registrations(slug);
        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return Redirect(list);
        }

        return View("ConfirmCancel", new Shared.ConfirmCancelViewModel(t["Registration.CancelTitle", registration.Name],
            [(t["Registration.Event"], registration.Title), (t["Field.DisplayName"], registration.Name), (t["Field.Email"], registration.Email)],
            t[registration.Status == RegistrationStatus.Confirmed ? "Registrations.CancelQuestion" : "Registrations.CancelQuestionWaiting"],
            Links.AdminEvents.CancelRegistration(slug, id), t["Registration.CancelSubmit"], list, t["Registrations.CancelKeep"]));
    }

    /// <summary>An organiser cancels someone's registration (a duplicate, someone who phoned to say
    /// they can't come): the same as the person doing it, so the first one waiting gets the place.</summary>
    [HttpPost("registrations/{id:guid}/cancel")]
    public async Task<IActionResult> CancelRegistration(string slug, Guid id, CancellationToken ct)
    {
        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == id && r.Event!.Slug == slug && !r.WalkIn, ct);
        if (registration is null)
        {
            return NotFound();
        }

        if (await signup.CancelAsync(registration, ct))
        {
            logger.LogInformation("Registration {RegistrationId} cancelled by an organiser", id);
            TempData["Status"] = "Registrations.CancelledByOrganiser";
        }

        return Redirect(Links.AdminEvents.Registrations(slug));
    }

    /// <summary>An organiser lets an NGO representative or a municipality employee they know take
    /// the places kept for their side (the sign-up could not show it); if waiting, they may now get one.</summary>
    [HttpPost("registrations/{id:guid}/approve-quota")]
    public async Task<IActionResult> ApproveQuota(string slug, Guid id, CancellationToken ct)
    {
        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == id && r.Event!.Slug == slug, ct);
        if (registration is null)
        {
            return NotFound();
        }

        if (await signup.ApproveQuotaAsync(registration, ct))
        {
            TempData["Status"] = "Registrations.QuotaApproved";
        }

        return Redirect(Links.AdminEvents.Registrations(slug));
    }

    /// <summary>Marks someone as arrived (or undoes it) and returns to them in the list, with the
    /// search the organiser was using.</summary>
    [HttpPost("check-in/{id:guid}")]
    public async Task<IActionResult> MarkArrived(string slug, Guid id, [FromForm] string? q, CancellationToken ct)
    {
        var updated = await db.EventRegistrations
            .Where(r => r.Id == id && r.Event!.Slug == slug && r.Status == RegistrationStatus.Confirmed && !r.WalkIn)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAt, r => r.CheckedInAt == null ? clock.GetUtcNow() : (DateTimeOffset?)null), ct);
        var search = string.IsNullOrWhiteSpace(q) ? "" : $"?q={Uri.EscapeDataString(q.Trim())}";
        return updated == 0 ? NotFound() : Redirect(Links.AdminEvents.CheckIn(slug, search, $"r-{id}"));
    }

}
