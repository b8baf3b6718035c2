using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Events;

/// <summary>Published events, and signing up for them with or without an account.</summary>
[Route("events")]
public class EventsController(AppDbContext db, EventSignup signup, ReferenceCache reference, MarkdownRenderer markdown,
    UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t, EventCalendar calendar, IAuthorizationService authorization,
    Invitations.InvitationService invitations) : Controller
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
            .Select(e => new CalendarEntry(e.Id, e.Slug, new LocalText(e.Title, e.TitleEn).Text, null, e.Venue + (e.Address == null ? "" : ", " + e.Address), e.StartsAt, e.EndsAt, false, e.UpdatedAt))
            .ToListAsync(ct);
        var name = novads is not null && refData.TerritoryBySlug.TryGetValue(novads, out var unit)
            ? t["Events.FeedNameIn", unit.Name].Value
            : t["Events.FeedName"].Value;
        return Content(calendar.Serialize(entries, name), EventCalendar.ContentType, System.Text.Encoding.UTF8);
    }

    [HttpGet("{slug}.ics")]
    public async Task<IActionResult> Ics(string slug, CancellationToken ct)
    {
        var entry = await db.Events.AsNoTracking().Where(e => e.Slug == slug && e.Status != EventStatus.Draft)
            .Select(e => new CalendarEntry(e.Id, e.Slug, new LocalText(e.Title, e.TitleEn).Text, null, e.Venue + (e.Address == null ? "" : ", " + e.Address), e.StartsAt, e.EndsAt,
                e.Status == EventStatus.Cancelled, e.UpdatedAt))
            .SingleOrDefaultAsync(ct);
        if (entry is null)
        {
            return NotFound();
        }

        Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}.ics\"";
        return Content(calendar.Serialize([entry]), EventCalendar.ContentType, System.Text.Encoding.UTF8);
    }

    /// <summary>Events as a list: upcoming first (soonest on top), or past ones (latest on top),
    /// filtered by kind, novads, former novads and theme.</summary>
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["kind", "novads", "former", "theme", "past", "page"])]
    public async Task<IActionResult> Index([FromQuery] EventFilter filter, int? page, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var now = clock.GetUtcNow();
        var query = Filtered(filter, refData);
        query = filter.Past
            ? query.Where(e => e.EndsAt < now).OrderByDescending(e => e.StartsAt)
            : query.Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt);
        var current = PagedList<EventCard>.Normalize(page);
        var total = await query.CountAsync(ct);
        var rows = await Cards(query.Skip((current - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return View(new EventListViewModel(filter, refData, new PagedList<EventCard>(rows.Select(r => r.ToCard(refData)).ToList(), current, PageSize, total)));
    }

    /// <summary>A month at a glance (Monday first, Riga time); ?month=2026-12, filters as on the list.</summary>
    [HttpGet("calendar")]
    [OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["kind", "novads", "former", "theme", "past", "month"])]
    public async Task<IActionResult> Calendar([FromQuery] EventFilter filter, string? month, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var now = clock.GetUtcNow();
        var today = now.ToRiga();
        var chosen = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            && parsed.Year is > 2000 and < 2100;
        var first = chosen ? parsed : new DateOnly(today.Year, today.Month, 1);
        var monthStart = RigaTime.FromRiga(first.ToDateTime(TimeOnly.MinValue));
        var to = RigaTime.FromRiga(first.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        // Nothing (more) to come in this month: the next event that is, so the page can say where
        // the next ones are.
        var after = monthStart > now ? monthStart : now;
        var soonest = await Cards(Filtered(filter, refData).Where(e => e.Status != EventStatus.Cancelled && e.EndsAt >= after)
            .OrderBy(e => e.StartsAt).Take(1)).FirstOrDefaultAsync(ct);
        var next = soonest is not null && soonest.StartsAt >= to ? soonest : null;
        var moved = false;
        if (!chosen && next is not null)
        {
            // Opening the calendar without a month on an empty rest of the month shows the month of
            // the next event instead, and says so.
            var nextDay = next.StartsAt.ToRiga();
            first = new DateOnly(nextDay.Year, nextDay.Month, 1);
            moved = first != new DateOnly(today.Year, today.Month, 1);
            next = null;
        }

        var from = RigaTime.FromRiga(first.ToDateTime(TimeOnly.MinValue));
        to = RigaTime.FromRiga(first.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var rows = await Cards(Filtered(filter, refData).Where(e => e.StartsAt < to && e.EndsAt >= from).OrderBy(e => e.StartsAt).Take(500)).ToListAsync(ct);
        return View(new EventCalendarViewModel(filter, refData, first, DateOnly.FromDateTime(today.Date), rows.Select(r => r.ToCard(refData)).ToList(),
            next?.ToCard(refData), moved));
    }

    private const int PageSize = 20;

    private IQueryable<Event> Filtered(EventFilter filter, ReferenceData refData)
    {
        var query = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published || e.Status == EventStatus.Completed || e.Status == EventStatus.Cancelled);
        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (!string.IsNullOrEmpty(filter.Novads))
        {
            var inside = refData.TerritoriesInNovads(filter.Novads);
            query = query.Where(e => inside.Contains(e.TerritoryId));
        }

        if (!string.IsNullOrEmpty(filter.Former))
        {
            var inside = refData.TerritoriesInFormerNovads(filter.Former);
            query = query.Where(e => inside.Contains(e.TerritoryId));
        }

        if (!string.IsNullOrEmpty(filter.Theme))
        {
            var theme = refData.ThemeBySlug.GetValueOrDefault(filter.Theme)?.Id ?? -1;
            query = query.Where(e => e.ThemeId == theme);
        }

        return query;
    }

    private static IQueryable<EventCardRow> Cards(IQueryable<Event> events) =>
        events.Select(e => new EventCardRow(e.Slug, e.Title, e.TitleEn, e.Kind, e.Status, e.Audience, e.StartsAt, e.EndsAt, e.Venue, e.TerritoryId));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, string? invitation, CancellationToken ct)
    {
        var form = new SignUpForm { Invitation = invitation };
        if (await users.GetUserAsync(User) is { } user)
        {
            form.Name = user.DisplayName;
            form.Email = user.Email;
        }

        var model = await PageAsync(slug, form, ct);
        if (model is null)
        {
            return NotFound();
        }

        if (model.Invitation is { } invited)
        {
            form.Email = invited.Email;
            if (Enum.TryParse<ParticipantType>(invited.Role, out var quota))
            {
                form.ParticipantType = quota;
            }
        }
        else
        {
            form.Invitation = null;
        }

        return View(model);
    }

    /// <summary>The address the form posts to, opened again (a reload after the post, a bookmark):
    /// the event's page, where the form and the person's registration are.</summary>
    [HttpGet("{slug}/sign-up")]
    public IActionResult SignUpAgain(string slug) => Redirect(Links.Events.SignUpSection(slug));

    [HttpPost("{slug}/sign-up")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> SignUp(string slug, SignUpForm form, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug && e.Status != EventStatus.Draft).Select(e => new { e.Id }).SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return NotFound();
        }

        var userId = users.GetUserId(User);
        var account = userId is null ? null : await users.GetUserAsync(User);
        if (account is not null && form.Email is not null
            && !string.Equals(form.Email.Trim(), account.Email, StringComparison.OrdinalIgnoreCase))
        {
            // Signed in, the sign-up is the account's: someone else's address would make them the holder.
            ModelState.AddModelError("form.Email", t["SignUp.Error.OwnAddress"]);
        }

        if (form.CommunityId is { } communityId && (userId is null
            || !await db.CommunityMemberships.AnyAsync(m => m.UserId == userId && m.CommunityId == communityId, ct)))
        {
            ModelState.AddModelError("form.CommunityId", t["SignUp.Error.Community"]);
        }

        if (form.TerritoryId is { } territoryId && !HomeTerritory.IsKnown(await reference.GetAsync(ct), territoryId))
        {
            ModelState.AddModelError("form.TerritoryId", t["Community.Error.Territory"]);
        }

        if (form.ParticipantType == ParticipantType.NgoRepresentative && form.CommunityId is null && string.IsNullOrWhiteSpace(form.CommunityName))
        {
            // Only NGO representatives name their organisation: the one field shown to them (a
            // choice of their communities when they have any, else the name to type).
            var choosing = userId is not null && await db.CommunityMemberships.AnyAsync(m => m.UserId == userId
                && m.Community!.Status == CommunityStatus.Published, ct);
            ModelState.AddModelError(choosing ? "form.CommunityId" : "form.CommunityName",
                t[choosing ? "Validation.Choose" : "Validation.Required", t[choosing ? "Field.FromCommunity" : "Field.CommunityName"]]);
        }

        if (!ModelState.IsValid)
        {
            return View("Show", await PageAsync(slug, form, ct));
        }

        // Kept places: members of a community in the directory (NGO), MunicipalityStaff accounts (municipality).
        var quotaEligible = userId is not null && form.ParticipantType switch
        {
            ParticipantType.NgoRepresentative => await db.CommunityMemberships.AnyAsync(m => m.UserId == userId
                && m.Community!.Status == CommunityStatus.Published, ct),
            ParticipantType.MunicipalityStaff => User.IsInRole(Roles.MunicipalityStaff),
            _ => false,
        };
        var (outcome, _) = await signup.SignUpAsync(ev.Id, new SignUpValues(form.Name!, form.Email!, form.ParticipantType, HomeTerritory.ToStored(form.TerritoryId),
            form.AccessibilityNeeds, form.ListConsent, userId,
            form.ParticipantType == ParticipantType.NgoRepresentative ? form.CommunityId : null,
            form.ParticipantType == ParticipantType.NgoRepresentative && form.CommunityId is null ? form.CommunityName : null,
            OwnAccountAddress: account is not null, QuotaEligible: quotaEligible, InvitationToken: form.Invitation), ct);
        if (outcome is not (SignUpOutcome.Confirmed or SignUpOutcome.Waitlisted))
        {
            var page = await PageAsync(slug, form, ct);
            // Beside the address where the form stays (an invitation's link with another address);
            // otherwise above the words saying who may sign up.
            ModelState.AddModelError(outcome == SignUpOutcome.NotInvited && page?.Access == SignUpAccess.Open ? "form.Email" : "", t[$"SignUp.{outcome}"]);
            return View("Show", page);
        }

        TempData["Status"] = $"SignUp.{outcome}";
        return Redirect(Links.Events.Show(slug));
    }

    private async Task<EventPageViewModel?> PageAsync(string slug, SignUpForm form, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking()
            .Where(e => e.Slug == slug)
            .Select(e => new
            {
                Event = e,
                Places = e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed && !r.WalkIn)
                    .GroupBy(r => r.QuotaApproved ? r.ParticipantType : ParticipantType.Resident)
                    .Select(g => new { g.Key, Count = g.Count() }).ToList(),
                // Listed with consent and only once the address is known to be theirs.
                Attendees = e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed && r.ListConsent && r.EmailConfirmedAt != null)
                    .OrderBy(r => r.Name).Select(r => r.Name).ToList(),
                Agenda = e.Agenda.OrderBy(a => a.Position).Select(a => new AgendaLine(a.Time, a.Title)).ToList(),
                Groups = e.Groups.OrderBy(g => g.Position).Select(g => new GroupLine(g.Id, g.NameLv, g.NameEn)).ToList(),
                Communities = e.Communities.OrderBy(c => c.Name).Select(c => new CommunityChoice(c.Id, c.Name, c.Slug)).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (e is null)
        {
            return null;
        }

        var refData = await reference.GetAsync(ct);
        var ev = e.Event;
        var now = clock.GetUtcNow();
        var places = new PlacesTaken(e.Places.ToDictionary(p => p.Key, p => p.Count));
        var userId = users.GetUserId(User);
        var myCommunities = userId is null ? [] : await db.CommunityMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Community!.Status == CommunityStatus.Published)
            .OrderBy(m => m.Community!.Name).Select(m => new CommunityChoice(m.CommunityId, m.Community!.Name, m.Community.Slug)).ToListAsync(ct);
        // Still to come, the person's registration is shown (and can be changed) instead of the form.
        var mine = userId is null || ev.Status != EventStatus.Published || ev.EndsAt <= now ? null : await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == ev.Id && r.Status != RegistrationStatus.Cancelled)
            .Mine(userId, User.FindFirstValue(ClaimTypes.Email)).Project(db).FirstOrDefaultAsync(ct);
        var invited = form.Invitation is { Length: > 0 } token ? await invitations.FindForEventAsync(token, ev.Id, ct) : null;
        var access = ev.Audience switch
        {
            EventAudience.LeadersOnly when userId is null => SignUpAccess.SignInAsLeader,
            EventAudience.LeadersOnly when !await signup.IsLeaderAsync(userId, ct) => SignUpAccess.LeadersOnly,
            EventAudience.InvitationOnly when invited is null => SignUpAccess.InvitationOnly,
            _ => SignUpAccess.Open,
        };
        var canManage = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, new EventResource(ev.Id, ev.Slug), EventRequirement.Manage)).Succeeded;
        if (ev.Status == EventStatus.Draft && !canManage)
        {
            // A draft is seen only by those who may publish it.
            return null;
        }

        var state = ev.SignUpWindowAt(now);
        return new EventPageViewModel(ev, markdown.Render(ev.LocalDescription()), refData.PlaceLine(ev.TerritoryId),
            ev.ThemeId is { } th && refData.ThemeById.TryGetValue(th, out var theme) ? theme.Name(Cultures.Current) : null,
            places, e.Attendees, e.Agenda, e.Groups, e.Communities, state, form, refData, myCommunities, canManage,
            markdown.Render(ev.OutcomeSummary), markdown.Render(ev.OutcomeDecisions), mine, access, invited);
    }
}

public sealed record EventFilter
{
    public EventKind? Kind { get; init; }
    public string? Novads { get; init; }
    public string? Former { get; init; }
    public string? Theme { get; init; }

    /// <summary>Past events instead of upcoming ones.</summary>
    public bool Past { get; init; }

    public bool Any => Kind is not null || Novads is not null || Former is not null || Theme is not null;
}

public sealed record EventCardRow(string Slug, string Title, string? TitleEn, EventKind Kind, EventStatus Status, EventAudience Audience, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, string Venue, int TerritoryId)
{
    public EventCard ToCard(ReferenceData refData) => new(Slug, new LocalText(Title, TitleEn), Kind, Status, Audience, StartsAt, EndsAt, Venue, refData.PlaceLine(TerritoryId));
}

public sealed record EventCard(string Slug, LocalText Title, EventKind Kind, EventStatus Status, EventAudience Audience, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, string Venue, string Place);

public sealed record EventListViewModel(EventFilter Filter, ReferenceData Reference, PagedList<EventCard> Events);

/// <param name="Next">The next event to come, when none is left in the month shown.</param>
/// <param name="MovedToNext">The calendar opened on a later month than today's, which had no more events.</param>
public sealed record EventCalendarViewModel(EventFilter Filter, ReferenceData Reference, DateOnly Month, DateOnly Today, IReadOnlyList<EventCard> Events,
    EventCard? Next = null, bool MovedToNext = false)
{
    /// <summary>The days of the month that have events, in order, for the list shown on narrow screens.</summary>
    public IEnumerable<(DateOnly Day, IReadOnlyList<EventCard> Events)> Days() =>
        Enumerable.Range(0, Month.AddMonths(1).DayNumber - Month.DayNumber).Select(Month.AddDays)
            .Select(d => (d, (IReadOnlyList<EventCard>)On(d).ToList())).Where(x => x.Item2.Count > 0);

    /// <summary>The weeks shown, Monday to Sunday, covering the whole month.</summary>
    public IEnumerable<DateOnly[]> Weeks()
    {
        var start = Month.AddDays(-(((int)Month.DayOfWeek + 6) % 7));
        for (var monday = start; monday < Month.AddMonths(1); monday = monday.AddDays(7))
        {
            yield return Enumerable.Range(0, 7).Select(monday.AddDays).ToArray();
        }
    }

    /// <summary>The events on a day in Riga (a retreat appears on each of its days).</summary>
    public IEnumerable<EventCard> On(DateOnly day) =>
        Events.Where(e => DateOnly.FromDateTime(e.StartsAt.ToRiga().Date) <= day && day <= DateOnly.FromDateTime(e.EndsAt.ToRiga().Date));
}

/// <summary>Whether the person looking may sign up, and if not, what would let them.</summary>
public enum SignUpAccess
{
    Open,

    /// <summary>For community leaders, and nobody is signed in.</summary>
    SignInAsLeader,

    /// <summary>For community leaders, and the person signed in leads no community in the directory.</summary>
    LeadersOnly,

    /// <summary>By invitation, and the page was not opened from a valid invitation link.</summary>
    InvitationOnly,
}

public sealed record AgendaLine(string? Time, string Title);

public sealed record GroupLine(int Id, string NameLv, string NameEn) : ILocalName
{
    public string Name(string culture) => this.NameFor(culture);
}

public sealed record EventPageViewModel(Event Event, Microsoft.AspNetCore.Html.IHtmlContent Description, string Place, string? Theme,
    PlacesTaken Places, IReadOnlyList<string> Attendees, IReadOnlyList<AgendaLine> Agenda, IReadOnlyList<GroupLine> Groups,
    IReadOnlyList<CommunityChoice> Communities, SignUpWindow SignUp, SignUpForm Form, ReferenceData Reference,
    IReadOnlyList<CommunityChoice> MyCommunities, bool CanManage,
    Microsoft.AspNetCore.Html.IHtmlContent Outcome, Microsoft.AspNetCore.Html.IHtmlContent Decisions,
    MyRegistration? Mine = null, SignUpAccess Access = SignUpAccess.Open, Invitation? Invitation = null)
{
    public int Id => Event.Id;
    public string Slug => Event.Slug;

    /// <summary>The title in the page's language (the Latvian one marked when there is no English).</summary>
    public LocalText Title => Event.LocalTitle();

    public int? PlacesLeft => Event.Capacity is { } c ? Math.Max(0, c - Places.Total) : null;
}
