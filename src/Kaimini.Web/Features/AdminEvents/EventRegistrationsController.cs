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
    Events.EventSignup signup, IStringLocalizer<SharedResource> t, ILogger<EventRegistrationsController> logger) : Controller
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
        var all = await Rows(ev.Id).ToListAsync(ct);
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
        await foreach (var r in Rows(await db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleOrDefaultAsync(ct)).AsAsyncEnumerable().WithCancellation(ct))
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
    public async Task<IActionResult> Sheet(string slug, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug)
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.TitleEn,
                e.Kind,
                e.StartsAt,
                e.EndsAt,
                e.Venue,
                e.Address,
                e.TerritoryId,
                e.Capacity,
                Agenda = e.Agenda.OrderBy(a => a.Position).Select(a => new SheetAgendaItem(a.Time, a.Title)).ToList(),
                Organisers = e.Communities.OrderBy(c => c.Name).Select(c => c.Name).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return NotFound();
        }

        var refData = await reference.GetAsync(ct);
        string Home(int? id) => id is { } t && refData.TerritoryById.TryGetValue(t, out var unit) ? unit.Name : "—";
        var people = (await Rows(ev.Id, RegistrationStatus.Confirmed).ToListAsync(ct))
            .OrderBy(r => r.Name, Cultures.LatvianComparer).ToList();
        // Walk-ins came without a registration: attended, not registered.
        var byType = Enum.GetValues<ParticipantType>()
            .Select(p => new SheetCount(t[$"ParticipantType.{p}"], people.Count(r => r.ParticipantType == p && !r.WalkIn), people.Count(r => r.ParticipantType == p && r.CheckedInAt != null)))
            .ToList();
        var byHome = people.GroupBy(r => Home(r.TerritoryId)).OrderBy(g => g.Key, Cultures.LatvianComparer)
            .Select(g => new SheetCount(g.Key, g.Count(r => !r.WalkIn), g.Count(r => r.CheckedInAt != null))).ToList();
        return View(new EventSheetViewModel(slug, new LocalText(ev.Title, ev.TitleEn), ev.Kind, RigaTime.Range(ev.StartsAt, ev.EndsAt),
            ev.Address is null ? ev.Venue : $"{ev.Venue}, {ev.Address}", Home(ev.TerritoryId), ev.Capacity, ev.Organisers, ev.Agenda,
            byType, byHome, people.Select(r => new SheetPerson(r.WalkIn && r.Name.Length == 0 ? t["Checkin.WalkIn.Status"] : r.Name,
                t[$"ParticipantType.{r.ParticipantType}"], r.Community, Home(r.TerritoryId), r.CheckedInAt != null)).ToList(),
            people.Count(r => r.WalkIn), DateOnly.FromDateTime(clock.GetUtcNow().ToRiga().DateTime)));
    }

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
        var rows = await Rows(ev.Id, RegistrationStatus.Confirmed).ToListAsync(ct);
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

    private IQueryable<RegistrationRow> Rows(int eventId, RegistrationStatus? status = null) =>
        db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId && (status == null || r.Status == status))
            .OrderBy(r => r.Status).ThenBy(r => r.CreatedAt)
            .Select(r => new RegistrationRow(r.Id, r.Name, r.Email, r.ParticipantType, r.TerritoryId, r.AccessibilityNeeds, r.Status, r.CreatedAt, r.CheckedInAt,
                db.Communities.Where(c => c.Id == r.CommunityId).Select(c => c.Name).FirstOrDefault() ?? r.CommunityName, r.QuotaApproved, r.WalkIn));
}

public sealed record RegistrationRow(Guid Id, string Name, string Email, ParticipantType ParticipantType, int? TerritoryId,
    string? AccessibilityNeeds, RegistrationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CheckedInAt, string? Community = null,
    bool QuotaApproved = true, bool WalkIn = false);

public sealed record RegistrationListViewModel(string Slug, LocalText Title, int? Capacity, IReadOnlyList<RegistrationRow> Rows, int WalkIns,
    IReadOnlyDictionary<RegistrationStatus, int> ByStatus, IReadOnlyDictionary<ParticipantType, int> ByType,
    IReadOnlyList<(string Territory, int Count)> ByTerritory);

/// <summary>The door: the confirmed sign-ups to mark, alphabetically (those whose name does not match
/// <paramref name="Query"/> are hidden), the walk-ins added so far and the form for the next.</summary>
public sealed record CheckInViewModel(string Slug, LocalText Title, IReadOnlyList<RegistrationRow> Confirmed, IReadOnlyList<RegistrationRow> WalkIns,
    WalkInForm WalkIn, ReferenceData Reference, string? Query = null)
{
    /// <summary>The search as names are compared: folded (case and diacritics aside), or null.</summary>
    public string? Folded => Query is null ? null : SearchText.Fold(Query);

    public int SignedUp => Confirmed.Count;

    public int Arrived => Confirmed.Count(r => r.CheckedInAt is not null);

    public int Shown => Folded is { } q ? Confirmed.Count(r => SearchText.Fold(r.Name).Contains(q, StringComparison.Ordinal)) : Confirmed.Count;
}

public sealed record SheetAgendaItem(string? Time, string Title);

/// <summary>Confirmed registrations of one kind, and how many of them were checked in.</summary>
public sealed record SheetCount(string Label, int Registered, int Attended);

public sealed record SheetPerson(string Name, string Type, string? Community, string Home, bool Attended);

public sealed record EventSheetViewModel(string Slug, LocalText Title, EventKind Kind, string When, string Venue, string Territory, int? Capacity,
    IReadOnlyList<string> Organisers, IReadOnlyList<SheetAgendaItem> Agenda, IReadOnlyList<SheetCount> ByType, IReadOnlyList<SheetCount> ByHome,
    IReadOnlyList<SheetPerson> People, int WalkIns, DateOnly Printed)
{
    /// <summary>Empty rows at the end of the sign-in list for people who come without signing up.</summary>
    public const int BlankRows = 5;
}
