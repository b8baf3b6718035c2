using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Events;

/// <summary>Published events, and signing up for them with or without an account.</summary>
[Route("events")]
public class EventsController(AppDbContext db, EventSignup signup, ReferenceCache reference, MarkdownRenderer markdown,
    UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t, EventCalendar calendar) : Controller
{
    /// <summary>Every published event still to come, as a calendar feed; ?novads= narrows it.</summary>
    [HttpGet("/events.ics")]
    public async Task<IActionResult> Feed(string? novads, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var now = clock.GetUtcNow();
        var events = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published && e.EndsAt >= now);
        if (novads is not null)
        {
            var inside = refData.TerritoriesInNovads(novads);
            events = events.Where(e => inside.Contains(e.TerritoryId));
        }

        var entries = await events.OrderBy(e => e.StartsAt).Take(500)
            .Select(e => new CalendarEntry(e.Id, e.Slug, e.Title, null, e.Venue + (e.Address == null ? "" : ", " + e.Address), e.StartsAt, e.EndsAt, false))
            .ToListAsync(ct);
        return Content(calendar.Serialize(entries), EventCalendar.ContentType, System.Text.Encoding.UTF8);
    }

    [HttpGet("{slug}.ics")]
    public async Task<IActionResult> Ics(string slug, CancellationToken ct)
    {
        var entry = await db.Events.AsNoTracking().Where(e => e.Slug == slug && e.Status != EventStatus.Draft)
            .Select(e => new CalendarEntry(e.Id, e.Slug, e.Title, null, e.Venue + (e.Address == null ? "" : ", " + e.Address), e.StartsAt, e.EndsAt,
                e.Status == EventStatus.Cancelled))
            .SingleOrDefaultAsync(ct);
        if (entry is null)
        {
            return NotFound();
        }

        Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}.ics\"";
        return Content(calendar.Serialize([entry]), EventCalendar.ContentType, System.Text.Encoding.UTF8);
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var refData = await reference.GetAsync(ct);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.EndsAt >= now)
            .OrderBy(e => e.StartsAt).Take(100)
            .Select(e => new { e.Slug, e.Title, e.Kind, e.StartsAt, e.EndsAt, e.Venue, e.TerritoryId })
            .ToListAsync(ct);
        return View(rows.Select(e => new EventCard(e.Slug, e.Title, e.Kind, e.StartsAt, e.EndsAt, e.Venue, refData.PlaceLine(e.TerritoryId))).ToList());
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        var form = new SignUpForm();
        if (await users.GetUserAsync(User) is { } user)
        {
            form.Name = user.DisplayName;
            form.Email = user.Email;
        }

        var model = await PageAsync(slug, form, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{slug}/sign-up")]
    [EnableRateLimiting(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> SignUp(string slug, SignUpForm form, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug && e.Status != EventStatus.Draft).Select(e => new { e.Id }).SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Show", await PageAsync(slug, form, ct));
        }

        var (outcome, _) = await signup.SignUpAsync(ev.Id, new SignUpValues(form.Name!, form.Email!, form.ParticipantType, form.TerritoryId,
            form.AccessibilityNeeds, form.ListConsent, users.GetUserId(User)), ct);
        if (outcome is SignUpOutcome.AlreadyRegistered or SignUpOutcome.Closed)
        {
            ModelState.AddModelError("", t[$"SignUp.{outcome}"]);
            return View("Show", await PageAsync(slug, form, ct));
        }

        TempData["Status"] = $"SignUp.{outcome}";
        return Redirect($"/events/{slug}");
    }

    private async Task<EventPageViewModel?> PageAsync(string slug, SignUpForm form, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking()
            .Where(e => e.Slug == slug && e.Status != EventStatus.Draft)
            .Select(e => new
            {
                e.Id,
                e.Slug,
                e.Title,
                e.Kind,
                e.Description,
                e.StartsAt,
                e.EndsAt,
                e.Venue,
                e.Address,
                e.TerritoryId,
                e.Capacity,
                e.Status,
                e.RegistrationClosesAt,
                Confirmed = e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
                Attendees = e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed && r.ListConsent).OrderBy(r => r.Name).Select(r => r.Name).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (e is null)
        {
            return null;
        }

        var refData = await reference.GetAsync(ct);
        var open = e.Status == EventStatus.Published && clock.GetUtcNow() < (e.RegistrationClosesAt ?? e.StartsAt);
        return new EventPageViewModel(e.Slug, e.Title, e.Kind, e.Status, markdown.Render(e.Description), e.StartsAt, e.EndsAt, e.Venue, e.Address,
            refData.PlaceLine(e.TerritoryId), e.Capacity, e.Confirmed, e.Attendees, open, form, refData);
    }
}

public sealed record EventCard(string Slug, string Title, EventKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Venue, string Place);

public sealed record EventPageViewModel(string Slug, string Title, EventKind Kind, EventStatus Status, Microsoft.AspNetCore.Html.IHtmlContent Description,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Venue, string? Address, string Place, int? Capacity, int Confirmed,
    IReadOnlyList<string> Attendees, bool Open, SignUpForm Form, ReferenceData Reference)
{
    public int? PlacesLeft => Capacity is { } c ? Math.Max(0, c - Confirmed) : null;
}
