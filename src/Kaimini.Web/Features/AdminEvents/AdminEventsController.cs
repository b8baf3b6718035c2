using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Organisers create and publish events.</summary>
[Route("admin/events")]
[Authorize(Policy = Policies.Organiser)]
public class AdminEventsController(AppDbContext db, ReferenceCache reference, UserManager<AppUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Events.AsNoTracking().OrderByDescending(e => e.StartsAt).Take(200)
            .Select(e => new AdminEventRow(e.Slug, e.Title, e.Kind, e.Status, e.StartsAt, e.Capacity,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
                e.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted)))
            .ToListAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => View(new EventFormViewModel(new EventForm(), await reference.GetAsync(ct)));

    [HttpPost("new")]
    public async Task<IActionResult> Create(EventForm form, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        void Error(string field, string key) => ModelState.AddModelError($"form.{field}", t[key]);
        if (form.StartsAt is { } s && form.EndsAt is { } e && e <= s)
        {
            Error(nameof(form.EndsAt), "Event.Error.EndBeforeStart");
        }

        if (form.RegistrationClosesAt is { } c && form.StartsAt is { } s2 && c > s2)
        {
            Error(nameof(form.RegistrationClosesAt), "Event.Error.ClosesAfterStart");
        }

        if (form.TerritoryId is { } tid && (!refData.TerritoryById.TryGetValue(tid, out var territory) || territory.Kind == TerritoryKind.FormerNovads))
        {
            Error(nameof(form.TerritoryId), "Community.Error.Territory");
        }

        if (!ModelState.IsValid)
        {
            return View("New", new EventFormViewModel(form, refData));
        }

        var now = clock.GetUtcNow();
        var slugStem = Slug.From($"{form.Title} {form.StartsAt:yyyy-MM-dd}");
        var slug = slugStem;
        for (var i = 2; await db.Events.AnyAsync(x => x.Slug == slug, ct); i++)
        {
            slug = $"{slugStem}-{i}";
        }

        var ev = new Event
        {
            Slug = slug,
            Title = form.Title!.Trim(),
            Kind = form.Kind,
            Description = form.Description,
            StartsAt = FromRiga(form.StartsAt!.Value),
            EndsAt = FromRiga(form.EndsAt!.Value),
            Venue = form.Venue!.Trim(),
            Address = string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim(),
            TerritoryId = form.TerritoryId!.Value,
            Capacity = form.Capacity,
            RegistrationClosesAt = form.RegistrationClosesAt is { } closes ? FromRiga(closes) : null,
            Status = form.Publish ? EventStatus.Published : EventStatus.Draft,
            CreatedById = users.GetUserId(User),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = form.Publish ? "Event.Published" : "Event.Saved";
        return Redirect(form.Publish ? $"/events/{ev.Slug}" : "/admin/events");
    }

    /// <summary>An organiser's wall-clock time in Riga, to UTC (daylight saving time included).</summary>
    private static DateTimeOffset FromRiga(DateTime local)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, RigaTime.Zone.GetUtcOffset(wallClock)).ToUniversalTime();
    }
}

public sealed record AdminEventRow(string Slug, string Title, EventKind Kind, EventStatus Status, DateTimeOffset StartsAt, int? Capacity,
    int Confirmed, int Waitlisted);

public sealed record EventFormViewModel(EventForm Form, ReferenceData Reference);
