using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Organisers (and leaders, for their own communities' events) list, create, copy, edit and
/// publish events. Cancelling and the outcome, messages and invitations have controllers of their own.</summary>
[Route("admin/events")]
[Authorize]
public class AdminEventsController(AppDbContext db, EventAccess access, EventFormPage page, EventFormValidator validator, EventEditor editor,
    ILogger<AdminEventsController> logger) : Controller
{
    public const int ListPageSize = 50;

    /// <summary>The events this person manages; ?community={slug} narrows them to one community's
    /// (the link from "My communities").</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? community, int? page, CancellationToken ct)
    {
        if (!await access.CanCreateAsync(User, ct))
        {
            return Forbid();
        }

        var named = community is null ? null
            : await db.Communities.AsNoTracking().Where(c => c.Slug == community).Select(c => new CommunityChoice(c.Id, c.Name, c.Slug)).SingleOrDefaultAsync(ct);
        var events = access.Manageable(User);
        if (community is not null)
        {
            var id = named?.Id ?? -1;
            events = events.Where(e => e.Communities.Any(c => c.Id == id));
        }

        var number = PagedList<AdminEventRow>.Normalize(page);
        var total = await events.CountAsync(ct);
        // The page's ids first, counts after: PostgreSQL computes a projection's subqueries for every
        // row OFFSET skips, so counting registrations in the paged query cost page 200 ~10,000 pairs
        // of counts (0.4-1.4 s at Latvia scale); here they run for the 50 rows shown.
        var pageIds = events.OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id)
            .Skip((number - 1) * ListPageSize).Take(ListPageSize).Select(e => e.Id);
        var rows = await db.Events.AsNoTracking().Where(e => pageIds.Contains(e.Id))
            .OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new AdminEventRow(e.Slug, new LocalText(e.Title, e.TitleEn), e.Kind, e.Status, e.StartsAt, e.Capacity,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed && !r.WalkIn),
                e.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted)))
            .ToListAsync(ct);
        return View(new AdminEventListViewModel(new PagedList<AdminEventRow>(rows, number, ListPageSize, total), named));
    }

    /// <summary>A new event; ?copy={slug} starts from an existing one (dates to be changed);
    /// ?community={slug}&amp;partner={slug} (a matched cooperation post) ticks both as co-organisers.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New(string? copy, string? community, string? partner, CancellationToken ct)
    {
        if (!await access.CanCreateAsync(User, ct))
        {
            return Forbid();
        }

        var form = await page.NewAsync(User, copy, community, partner, ct);
        return form is null ? NotFound() : await FormViewAsync(form, null, ct);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(EventForm form, [FromForm] bool find, CancellationToken ct)
    {
        if (!await access.CanCreateAsync(User, ct))
        {
            return Forbid();
        }

        if (find)
        {
            return await FindStepAsync(form, null, ct);
        }

        var communities = await validator.ValidateAsync(form, User, null, ModelState, ct);
        if (!ModelState.IsValid)
        {
            return await FormViewAsync(form, null, ct);
        }

        var (ev, requested) = await editor.CreateAsync(form, communities, User, ct);
        logger.LogInformation("Event {EventId} created ({Status}); {Requested} communities asked to co-organise", ev.Id, ev.Status, requested);
        TempData["Status"] = form.Publish ? "Event.Published" : "Event.Saved";
        CoOrganisersAsked(requested);
        return Redirect(form.Publish ? Links.Events.Show(ev.Slug) : Links.AdminEvents.Edit(ev.Slug));
    }

    [AuthorizeEvent]
    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken ct)
    {
        var ev = (await page.LoadAsync(slug, ct))!;
        return await FormViewAsync(EventForm.From(ev), ev, ct);
    }

    /// <summary>Saves changes under the event's lock: a smaller capacity can't drop below the places
    /// already given, a larger one (or a larger quota) promotes those waiting, and a new time or
    /// place is mailed to everyone registered.</summary>
    [AuthorizeEvent]
    [HttpPost("{slug}/edit")]
    public async Task<IActionResult> Update(string slug, EventForm form, [FromForm] bool find, CancellationToken ct)
    {
        if (find)
        {
            return await FindStepAsync(form, await page.LoadAsync(slug, ct), ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = await editor.LockAsync(ManagedEvent.Of(HttpContext).Id, ct);
        var communities = await validator.ValidateAsync(form, User, ev, ModelState, ct);
        if (!ModelState.IsValid)
        {
            return await FormViewAsync(form, ev, ct);
        }

        var (promoted, requested) = await editor.UpdateAsync(ev, form, communities, User, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Event {EventId} updated; {Promoted} promoted from the waitlist, {Requested} communities asked to co-organise",
            ev.Id, promoted, requested);
        TempData["Status"] = "Event.Updated";
        CoOrganisersAsked(requested);
        return Redirect(Links.AdminEvents.Edit(ev.Slug));
    }

    [AuthorizeEvent]
    [HttpPost("{slug}/publish")]
    public async Task<IActionResult> Publish(string slug, CancellationToken ct)
    {
        await editor.PublishAsync(ManagedEvent.Of(HttpContext).Id, ct);
        TempData["Status"] = "Event.Published";
        return Redirect(Links.Events.Show(slug));
    }

    /// <summary>Says so when communities were asked to co-organise (they join when they accept).</summary>
    private void CoOrganisersAsked(int count)
    {
        if (count > 0)
        {
            TempData["Status"] = "Event.CoOrganisersAsked";
            TempData["StatusArg"] = count;
        }
    }

    /// <summary>The search step for a co-organiser (the form's "search" button, with or without
    /// script): the form comes back as typed, with what the directory found, and no errors yet.</summary>
    private Task<IActionResult> FindStepAsync(EventForm form, Event? ev, CancellationToken ct)
    {
        foreach (var entry in ModelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = ModelValidationState.Valid;
        }

        return FormViewAsync(form, ev, ct);
    }

    private async Task<IActionResult> FormViewAsync(EventForm form, Event? ev, CancellationToken ct) =>
        View("Form", await page.ViewModelAsync(form, ev, User, ct));
}

/// <summary>The events listed, and the community they are narrowed to, if any.</summary>
public sealed record AdminEventListViewModel(PagedList<AdminEventRow> Events, CommunityChoice? Community);

public sealed record AdminEventRow(string Slug, LocalText Title, EventKind Kind, EventStatus Status, DateTimeOffset StartsAt, int? Capacity,
    int Confirmed, int Waitlisted);
