using Kaimini.Web.Data;
using Kaimini.Web.Data.Seed;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.AdminEvents.Emails;
using Kaimini.Web.Features.AdminInvitations;
using Kaimini.Web.Features.CoOrganiserRequests;
using Kaimini.Web.Features.Events;
using Kaimini.Web.Features.Invitations;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Organisers (and leaders, for their own communities' events) create, edit, publish, copy
/// and cancel events, invite people, write to participants and record the outcome.</summary>
[Route("admin/events")]
[Authorize]
public class AdminEventsController(AppDbContext db, ReferenceCache reference, UserManager<AppUser> users, TimeProvider clock,
    EventAccess access, IAuthorizationService authorization, EventSignup signup, EventNotices notices, InvitationService invitations, CoOrganiserRequestService requests,
    Communities.CommunityDirectory directory, IStringLocalizer<SharedResource> t, Microsoft.Extensions.Options.IOptions<EventOptions> options, ILogger<AdminEventsController> logger) : Controller
{
    private const int EmptyAgendaRows = 3;
    private const int EmptyGroupRows = 2;
    public const int ListPageSize = 50;
    private const int LeaderInviteLimit = 50;
    private const int MaxOpenCoOrganiserRequests = 10;
    private const int CommunityMatchLimit = 10;

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
        var rows = await events.AsNoTracking().OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id)
            .Skip((number - 1) * ListPageSize).Take(ListPageSize)
            .Select(e => new AdminEventRow(e.Slug, e.Title, e.Kind, e.Status, e.StartsAt, e.Capacity,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed && !r.WalkIn),
                e.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted)))
            .ToListAsync(ct);
        return View(new AdminEventListViewModel(new PagedList<AdminEventRow>(rows, number, ListPageSize, total), named));
    }

    /// <summary>A new event; ?copy={slug} starts from an existing one (dates to be changed).</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New(string? copy, string? community, CancellationToken ct)
    {
        if (!await access.CanCreateAsync(User, ct))
        {
            return Forbid();
        }

        var form = new EventForm
        {
            ReminderHoursBefore = options.Value.DefaultReminderHours,
            Groups = [.. ForumGroupDefaults.All.Select(g => new GroupRow { NameLv = g.NameLv, NameEn = g.NameEn })],
        };
        if (!EventAccess.IsOrganiser(User))
        {
            // A leader's event needs one of their communities: the only one they lead is ticked, so
            // the first save succeeds; with several, they choose (or come with one named).
            // ?community={slug} (from "My communities") ticks that one, if they lead it.
            var led = await access.LedCommunitiesAsync(User, ct);
            if ((led.Count == 1 ? led[0] : led.FirstOrDefault(c => c.Slug == community)) is { } preselected)
            {
                form.CommunityIds = [preselected.Id];
            }
        }

        if (copy is not null)
        {
            var source = await LoadAsync(copy, ct);
            if (source is null || !(await authorization.AuthorizeAsync(User, new EventResource(source.Id, source.Slug), EventRequirement.Manage)).Succeeded)
            {
                return NotFound();
            }

            form = FormOf(source);
            form.Title = t["AdminEvents.CopyTitle", source.Title].Value;
            if (!EventAccess.IsOrganiser(User))
            {
                var led = (await access.LedCommunitiesAsync(User, ct)).Select(c => c.Id).ToHashSet();
                form.CommunityIds = [.. form.CommunityIds.Where(led.Contains)];
            }

            form.Groups.ForEach(g => g.Id = null);
            form.Publish = false;
        }

        return await FormViewAsync(form, null, ct);
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

        var refData = await reference.GetAsync(ct);
        var now = clock.GetUtcNow();
        var communities = await ValidateAsync(form, refData, null, ct);
        if (form.StartsAt is { } s && RigaTime.FromRiga(s) <= now)
        {
            ModelState.AddModelError("form.StartsAt", t["Event.Error.StartInPast"]);
        }

        if (!ModelState.IsValid)
        {
            return await FormViewAsync(form, null, ct);
        }

        // Room for the date and a counter within the column's 140 characters.
        var titleSlug = Slug.From(form.Title!);
        var slugStem = $"{titleSlug[..Math.Min(titleSlug.Length, 120)].TrimEnd('-')}-{form.StartsAt:yyyy-MM-dd}";
        var slug = slugStem;
        for (var i = 2; await db.Events.AnyAsync(x => x.Slug == slug, ct); i++)
        {
            slug = $"{slugStem}-{i}";
        }

        var ev = new Event
        {
            Slug = slug,
            Title = "",
            Venue = "",
            Status = form.Publish ? EventStatus.Published : EventStatus.Draft,
            CreatedById = users.GetUserId(User),
            CreatedAt = now,
            OwnerCommunityId = communities.OwnerId,
        };
        Apply(form, ev, communities.Direct, now);
        db.Events.Add(ev);
        var requested = await requests.RequestAsync(ev, communities.Requested, (await users.GetUserAsync(User))!, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Event {EventId} created ({Status}); {Requested} communities asked to co-organise", ev.Id, ev.Status, requested);
        TempData["Status"] = form.Publish ? "Event.Published" : "Event.Saved";
        CoOrganisersAsked(requested);
        return Redirect(form.Publish ? $"/events/{ev.Slug}" : $"/admin/events/{ev.Slug}/edit");
    }

    [AuthorizeEvent]
    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken ct)
    {
        var ev = (await LoadAsync(slug, ct))!;
        return await FormViewAsync(FormOf(ev), ev, ct);
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
            return await FindStepAsync(form, await LoadAsync(slug, ct), ct);
        }

        var refData = await reference.GetAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = (await signup.LockAsync(Managed.Id, ct))!;
        await db.Entry(ev).Collection(e => e.Communities).LoadAsync(ct);
        await db.Entry(ev).Collection(e => e.Agenda).LoadAsync(ct);
        await db.Entry(ev).Collection(e => e.Groups).LoadAsync(ct);
        var communities = await ValidateAsync(form, refData, ev, ct);
        var places = await signup.PlacesTakenAsync(ev.Id, ct);
        if (form.Capacity is { } capacity && capacity < places.Total)
        {
            ModelState.AddModelError("form.Capacity", t.Count("Event.Error.CapacityBelowConfirmed", places.Total));
        }

        // Without a capacity a quota is that side's limit: it can't drop below the places it has.
        if (form.Capacity is null && form.NgoQuota is > 0 and var ngo && ngo < places.Of(ParticipantType.NgoRepresentative))
        {
            ModelState.AddModelError("form.NgoQuota", t.Count("Event.Error.CapacityBelowConfirmed", places.Of(ParticipantType.NgoRepresentative)));
        }

        if (form.Capacity is null && form.MunicipalityQuota is > 0 and var muni && muni < places.Of(ParticipantType.MunicipalityStaff))
        {
            ModelState.AddModelError("form.MunicipalityQuota", t.Count("Event.Error.CapacityBelowConfirmed", places.Of(ParticipantType.MunicipalityStaff)));
        }

        if (!ModelState.IsValid)
        {
            return await FormViewAsync(form, ev, ct);
        }

        var before = (ev.StartsAt, ev.EndsAt, Place: ev.Location);
        var now = clock.GetUtcNow();
        Apply(form, ev, communities.Direct, now);
        var requested = await requests.RequestAsync(ev, communities.Requested, (await users.GetUserAsync(User))!, ct);
        if (form.Publish && ev.CanBePublished)
        {
            ev.Publish(now);
        }

        await db.SaveChangesAsync(ct);
        var promoted = ev.Status == EventStatus.Published && clock.GetUtcNow() < ev.StartsAt ? await signup.PromoteWaitingAsync(ev, ct) : 0;
        if (ev.StartsAt != before.StartsAt)
        {
            // A new date: the reminder comes again before it.
            await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.RemindedAt != null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.RemindedAt, (DateTimeOffset?)null), ct);
        }

        if (before != (ev.StartsAt, ev.EndsAt, ev.Location) && ev.Status == EventStatus.Published)
        {
            await notices.QueueAsync(ev, [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
                new EventChangedEmail(EventFacts.Of(ev), notices.EventLink(ev)), "event.changed", ct, withCalendar: true);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Event {EventId} updated; {Promoted} promoted from the waitlist, {Requested} communities asked to co-organise",
            ev.Id, promoted, requested);
        TempData["Status"] = "Event.Updated";
        CoOrganisersAsked(requested);
        return Redirect($"/admin/events/{ev.Slug}/edit");
    }

    [AuthorizeEvent]
    [HttpPost("{slug}/publish")]
    public async Task<IActionResult> Publish(string slug, CancellationToken ct)
    {
        var ev = await db.Events.SingleAsync(e => e.Id == Managed.Id, ct);
        if (ev.CanBePublished)
        {
            ev.Publish(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        TempData["Status"] = "Event.Published";
        return Redirect($"/events/{slug}");
    }

    [AuthorizeEvent]
    [HttpGet("{slug}/cancel")]
    public Task<IActionResult> Cancel(string slug, CancellationToken ct) => ManagedPageAsync("Cancel", new CancelEventForm(), ct);

    /// <summary>Cancels the event and mails the notice to everyone confirmed or waiting.</summary>
    [AuthorizeEvent]
    [HttpPost("{slug}/cancel")]
    public async Task<IActionResult> CancelConfirmed(string slug, CancelEventForm form, CancellationToken ct)
    {
        // The status is read under the lock: a second press of the button finds it cancelled.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = (await signup.LockAsync(Managed.Id, ct))!;
        if (!ev.CanBeCancelled)
        {
            ModelState.AddModelError("", t["Event.Error.NotCancellable"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Cancel", new ManagedPageViewModel<CancelEventForm>(ev.Slug, ev.Title, ev.Status, form));
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
        return Redirect($"/events/{ev.Slug}");
    }

    [AuthorizeEvent]
    [HttpGet("{slug}/outcome")]
    public async Task<IActionResult> Outcome(string slug, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == Managed.Id, ct);
        var arrived = await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.CheckedInAt != null, ct);
        return View("Outcome", new ManagedPageViewModel<OutcomeForm>(ev.Slug, ev.Title, ev.Status,
            new OutcomeForm { Summary = ev.OutcomeSummary, Decisions = ev.OutcomeDecisions, HeadCount = ev.HeadCount ?? (arrived > 0 ? arrived : null) }));
    }

    /// <summary>Records what the event achieved; the event counts as completed from then on.</summary>
    [AuthorizeEvent]
    [HttpPost("{slug}/outcome")]
    public async Task<IActionResult> SaveOutcome(string slug, OutcomeForm form, CancellationToken ct)
    {
        var ev = await db.Events.SingleAsync(e => e.Id == Managed.Id, ct);
        var now = clock.GetUtcNow();
        if (!ev.CanRecordOutcomeAt(now))
        {
            ModelState.AddModelError("", t["Event.Error.OutcomeTooEarly"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Outcome", new ManagedPageViewModel<OutcomeForm>(ev.Slug, ev.Title, ev.Status, form));
        }

        ev.RecordOutcome(form.Summary!, form.Decisions, form.HeadCount, now);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Event.OutcomeSaved";
        return Redirect($"/events/{ev.Slug}");
    }

    [AuthorizeEvent]
    [HttpGet("{slug}/message")]
    public Task<IActionResult> Message(string slug, CancellationToken ct) => ManagedPageAsync("Message", new ParticipantMessageForm(), ct);

    /// <summary>An organiser's message to every confirmed participant (and, if asked, those waiting).</summary>
    [AuthorizeEvent]
    [HttpPost("{slug}/message")]
    public async Task<IActionResult> SendMessage(string slug, ParticipantMessageForm form, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == Managed.Id, ct);
        if (!ModelState.IsValid)
        {
            return View("Message", new ManagedPageViewModel<ParticipantMessageForm>(ev.Slug, ev.Title, ev.Status, form));
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
        return Redirect($"/admin/events/{ev.Slug}/registrations");
    }

    [AuthorizeEvent]
    [HttpGet("{slug}/invite")]
    public Task<IActionResult> Invite(string slug, CancellationToken ct) => ManagedPageAsync("Invite", new EventInviteForm(), ct);

    /// <summary>Invites by address, every leader of the named communities, or every leader in the
    /// directory. Each invited address may then sign up, also for an invitation-only event.</summary>
    [AuthorizeEvent]
    [HttpPost("{slug}/invite")]
    [SendCap]
    public async Task<IActionResult> SendInvitations(string slug, EventInviteForm form, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == Managed.Id, ct);
        var (emails, rejected) = EmailListParser.Parse(form.Emails ?? "");
        if (!EventAccess.IsOrganiser(User))
        {
            // Leaders invite for their own event, not the whole network.
            if (form.AllLeaders)
            {
                ModelState.AddModelError("form.AllLeaders", t["Event.Error.OrganisersOnly"]);
            }

            if (emails.Count > LeaderInviteLimit)
            {
                ModelState.AddModelError("form.Emails", t["Event.Error.TooManyInvitations", LeaderInviteLimit]);
            }
        }

        foreach (var line in rejected)
        {
            ModelState.AddModelError("form.Emails", t["Event.Error.InviteLine", line.Line, line.Text, t[line.ReasonKey]]);
        }

        var names = (form.Communities ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = await FindCommunitiesAsync(names, ct);
        foreach (var name in names.Where(n => !found.ContainsKey(n)))
        {
            ModelState.AddModelError("form.Communities", t["Event.Error.UnknownCommunity", name]);
        }

        if (ModelState.IsValid && emails.Count == 0 && found.Count == 0 && !form.AllLeaders)
        {
            ModelState.AddModelError("form.Emails", t["Event.Error.NobodyToInvite"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Invite", new ManagedPageViewModel<EventInviteForm>(ev.Slug, ev.Title, ev.Status, form));
        }

        var communityIds = found.Values.Select(c => c.Id).ToList();
        var leaders = await db.CommunityMemberships.AsNoTracking()
            .Where(m => m.IsLeader && (form.AllLeaders ? m.Community!.Status == CommunityStatus.Published : communityIds.Contains(m.CommunityId)))
            .Select(m => new { m.User!.Email, m.User.PreferredCulture })
            .ToListAsync(ct);
        var target = ev.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Invited already, or signed up already: nobody gets a second invitation.
        var already = (await db.Invitations.Where(i => i.Purpose == InvitationPurpose.Event && i.TargetId == target && i.Status != InvitationStatus.Revoked)
            .Select(i => i.Email)
            .Concat(db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status != RegistrationStatus.Cancelled).Select(r => r.Email))
            .ToListAsync(ct)).ToHashSet();
        var recipients = leaders.Where(l => l.Email is not null).Select(l => (Email: l.Email!.ToLowerInvariant(), Culture: l.PreferredCulture))
            .Concat(emails.Select(e => (Email: e, Culture: Cultures.Current)))
            .DistinctBy(r => r.Email)
            .Where(r => !already.Contains(r.Email))
            .ToList();
        var inviter = (await users.GetUserAsync(User))!;
        var batch = Guid.CreateVersion7();
        await invitations.PreloadSuppressionsAsync(recipients.Select(r => r.Email), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sent = 0;
        foreach (var (email, culture) in recipients)
        {
            if (await invitations.InviteToEventAsync(email, ev, inviter, culture, batch, ct,
                    form.Quota is ParticipantType.NgoRepresentative or ParticipantType.MunicipalityStaff ? form.Quota : null) is not null)
            {
                sent++;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Invitations to event {EventId}: {Sent} sent, {Skipped} already invited", ev.Id, sent, leaders.Count + emails.Count - recipients.Count);
        TempData["Status"] = "Event.InvitationsSent";
        TempData["StatusArg"] = sent;
        return Redirect($"/admin/events/{ev.Slug}/invite");
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

    /// <summary>The event [AuthorizeEvent] found and allowed.</summary>
    private EventResource Managed => (EventResource)HttpContext.Items[typeof(EventResource)]!;

    private async Task<IActionResult> ManagedPageAsync<TForm>(string view, TForm form, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == Managed.Id).Select(e => new { e.Slug, e.Title, e.Status }).SingleAsync(ct);
        return View(view, new ManagedPageViewModel<TForm>(ev.Slug, ev.Title, ev.Status, form));
    }

    private Task<Event?> LoadAsync(string slug, CancellationToken ct) =>
        db.Events.AsNoTracking().AsSplitQuery().Include(e => e.Communities).Include(e => e.Agenda).Include(e => e.Groups)
            .SingleOrDefaultAsync(e => e.Slug == slug, ct);

    /// <summary>Checks what attributes can't, and resolves the co-organising communities: those that
    /// join at once, those to be asked, and the one in whose name the event is created.</summary>
    private async Task<CoOrganisers> ValidateAsync(EventForm form, ReferenceData refData, Event? existing, CancellationToken ct)
    {
        void Error(string field, string key, params object[] args) => ModelState.AddModelError($"form.{field}", t[key, args]);
        if (form.StartsAt is { } s && form.EndsAt is { } e && e <= s)
        {
            Error(nameof(form.EndsAt), "Event.Error.EndBeforeStart");
        }

        var closesAt = form.RegistrationClosesAt ?? form.StartsAt;
        if (form.RegistrationClosesAt is { } c && form.StartsAt is { } s2 && c > s2)
        {
            Error(nameof(form.RegistrationClosesAt), "Event.Error.ClosesAfterStart");
        }

        if (form.RegistrationOpensAt is { } o && closesAt is { } closes && o >= closes)
        {
            Error(nameof(form.RegistrationOpensAt), "Event.Error.OpensAfterCloses");
        }

        if (form.TerritoryId is { } tid && (!refData.TerritoryById.TryGetValue(tid, out var territory) || territory.Kind == TerritoryKind.FormerNovads))
        {
            Error(nameof(form.TerritoryId), "Community.Error.Territory");
        }

        if (form.ThemeId is { } theme && !refData.ThemeById.ContainsKey(theme))
        {
            Error(nameof(form.ThemeId), "Event.Error.UnknownTheme");
        }

        if (form.Capacity is { } capacity && (form.NgoQuota ?? 0) + (form.MunicipalityQuota ?? 0) > capacity)
        {
            Error(nameof(form.NgoQuota), "Event.Error.QuotasAboveCapacity");
        }

        for (var i = 0; i < form.Agenda.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(form.Agenda[i].Title) && !string.IsNullOrWhiteSpace(form.Agenda[i].Time))
            {
                ModelState.AddModelError($"form.Agenda[{i}].Title", t["Event.Error.AgendaTitle"]);
            }
        }

        for (var i = 0; i < form.Groups.Count; i++)
        {
            var g = form.Groups[i];
            if (string.IsNullOrWhiteSpace(g.NameLv) != string.IsNullOrWhiteSpace(g.NameEn))
            {
                ModelState.AddModelError($"form.Groups[{i}].{(string.IsNullOrWhiteSpace(g.NameLv) ? "NameLv" : "NameEn")}", t["Event.Error.GroupNames"]);
            }

            if (g.Id is { } gid && existing?.Groups.Any(x => x.Id == gid) != true)
            {
                ModelState.AddModelError($"form.Groups[{i}].NameLv", t["Event.Error.UnknownGroup"]);
            }
        }

        var led = await access.LedCommunitiesAsync(User, ct);
        var ids = form.CommunityIds.Distinct().ToList();
        if (!EventAccess.IsOrganiser(User))
        {
            // Forums, the Dižkūre and study trips are the partnerships' own, and so is their name.
            if (!EventAccess.LeaderKinds.Contains(form.Kind) && existing?.Kind != form.Kind)
            {
                Error(nameof(form.Kind), "Event.Error.KindForOrganisers");
            }

            if (form.Partnerships != (existing?.OrganisingPartnerships ?? Partnerships.None))
            {
                Error(nameof(form.PierigasPartneriba), "Event.Error.OrganisersOnly");
            }
        }

        // Co-organisers: those ticked and one added by its exact name or address. Other text is a
        // search: what the directory finds is listed under the field to be ticked, unless one is already.
        var communities = await db.Communities.Where(c => ids.Contains(c.Id) && c.Status == CommunityStatus.Published).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(form.AddCommunity))
        {
            var found = await FindCommunitiesAsync([form.AddCommunity.Trim()], ct);
            if (found.Count == 0)
            {
                var matches = await directory.MatchesAsync(form.AddCommunity, CommunityMatchLimit, ct);
                if (matches.Count == 0)
                {
                    Error(nameof(form.AddCommunity), "Event.Error.UnknownCommunity", form.AddCommunity.Trim());
                }
                else if (!matches.Any(m => ids.Contains(m.Id)))
                {
                    Error(nameof(form.AddCommunity), "Event.Error.ChooseCommunity", form.AddCommunity.Trim());
                }
            }
            else if (communities.All(c => c.Id != found.Values.First().Id))
            {
                communities.Add(await db.Communities.SingleAsync(c => c.Id == found.Values.First().Id, ct));
            }
        }

        // The community that created the event stays, whoever edits it.
        if (existing?.OwnerCommunityId is { } ownerId && communities.All(c => c.Id != ownerId)
            && existing.Communities.FirstOrDefault(c => c.Id == ownerId) is { } owner)
        {
            communities.Add(owner);
        }

        // One this person leads, or one already on the event, is a co-organiser at once; any other
        // community is asked, and joins when one of its leaders accepts.
        var ledIds = led.Select(c => c.Id).ToHashSet();
        var direct = communities.Where(c => ledIds.Contains(c.Id) || existing?.Communities.Any(x => x.Id == c.Id) == true).ToList();
        var requested = communities.Except(direct).ToList();
        var requestedIds = requested.Select(c => c.Id).ToList();
        var alreadyOpen = existing is null ? 0 : await db.CoOrganiserRequests.CountAsync(r => r.EventId == existing.Id
            && r.Status == CoOrganiserRequestStatus.Pending && !requestedIds.Contains(r.CommunityId), ct);
        if (requested.Count > 0 && alreadyOpen + requested.Count > MaxOpenCoOrganiserRequests)
        {
            // Requests are mailed to every leader of each community: not a way to write to the directory.
            Error(nameof(form.AddCommunity), "Event.Error.TooManyCoOrganiserRequests", MaxOpenCoOrganiserRequests);
        }

        // A leader (not an organiser) must keep at least one of their own communities on the event.
        if (!EventAccess.IsOrganiser(User) && !direct.Any(c => ledIds.Contains(c.Id)))
        {
            Error(nameof(form.AddCommunity), "Event.Error.OwnCommunityRequired");
        }

        // A leader's new event is created in the name of the first community of theirs on it.
        var ownerCommunityId = existing is not null ? existing.OwnerCommunityId
            : EventAccess.IsOrganiser(User) ? null
            : led.FirstOrDefault(l => direct.Any(c => c.Id == l.Id))?.Id;
        return new CoOrganisers(direct, requested, ownerCommunityId);
    }

    /// <summary>The search step for a co-organiser (the form's "search" button, with or without
    /// script): the form comes back as typed, with what the directory found, and no errors yet.</summary>
    private Task<IActionResult> FindStepAsync(EventForm form, Event? ev, CancellationToken ct)
    {
        foreach (var entry in ModelState.Values)
        {
            entry.Errors.Clear();
            entry.ValidationState = Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid;
        }

        return FormViewAsync(form, ev, ct);
    }

    private Task<Dictionary<string, CommunityChoice>> FindCommunitiesAsync(IReadOnlyCollection<string> names, CancellationToken ct) =>
        Communities.CommunityFinder.FindAsync(db, names, ct);

    private static void Apply(EventForm form, Event ev, List<Community> communities, DateTimeOffset now)
    {
        ev.Title = form.Title!.Trim();
        ev.TitleEn = string.IsNullOrWhiteSpace(form.TitleEn) ? null : form.TitleEn.Trim();
        ev.Kind = form.Kind;
        ev.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        ev.DescriptionEn = string.IsNullOrWhiteSpace(form.DescriptionEn) ? null : form.DescriptionEn.Trim();
        ev.StartsAt = RigaTime.FromRiga(form.StartsAt!.Value);
        ev.EndsAt = RigaTime.FromRiga(form.EndsAt!.Value);
        ev.Venue = form.Venue!.Trim();
        ev.Address = string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim();
        ev.TerritoryId = form.TerritoryId!.Value;
        ev.ThemeId = form.ThemeId;
        ev.OrganisingPartnerships = form.Partnerships;
        ev.Audience = form.Audience;
        ev.Capacity = form.Capacity;
        ev.NgoQuota = form.NgoQuota is > 0 ? form.NgoQuota : null;
        ev.MunicipalityQuota = form.MunicipalityQuota is > 0 ? form.MunicipalityQuota : null;
        ev.RegistrationOpensAt = form.RegistrationOpensAt is { } opens ? RigaTime.FromRiga(opens) : null;
        ev.RegistrationClosesAt = form.RegistrationClosesAt is { } closes ? RigaTime.FromRiga(closes) : null;
        ev.ReminderHoursBefore = form.ReminderHoursBefore;
        ev.UpdatedAt = now;

        foreach (var gone in ev.Communities.Where(c => communities.All(x => x.Id != c.Id)).ToList())
        {
            ev.Communities.Remove(gone);
        }

        foreach (var added in communities.Where(c => ev.Communities.All(x => x.Id != c.Id)))
        {
            ev.Communities.Add(added);
        }

        ev.Agenda.Clear();
        var position = 0;
        foreach (var row in form.Agenda.Where(a => !string.IsNullOrWhiteSpace(a.Title)))
        {
            ev.Agenda.Add(new AgendaItem { Position = ++position, Time = string.IsNullOrWhiteSpace(row.Time) ? null : row.Time.Trim(), Title = row.Title!.Trim() });
        }

        // Groups keep their ids (ideas point at them); an emptied row removes its group.
        var rows = form.Kind == EventKind.Forum ? form.Groups.Where(g => !string.IsNullOrWhiteSpace(g.NameLv)).ToList() : [];
        foreach (var gone in ev.Groups.Where(g => rows.All(r => r.Id != g.Id)).ToList())
        {
            ev.Groups.Remove(gone);
        }

        position = 0;
        foreach (var row in rows)
        {
            var group = row.Id is { } id ? ev.Groups.Single(g => g.Id == id) : null;
            if (group is null)
            {
                group = new ForumGroup { NameLv = "", NameEn = "" };
                ev.Groups.Add(group);
            }

            group.NameLv = row.NameLv!.Trim();
            group.NameEn = row.NameEn!.Trim();
            group.Position = ++position;
        }
    }

    private static EventForm FormOf(Event ev) => new()
    {
        Title = ev.Title,
        TitleEn = ev.TitleEn,
        Kind = ev.Kind,
        Description = ev.Description,
        DescriptionEn = ev.DescriptionEn,
        StartsAt = ev.StartsAt.ToRiga().DateTime,
        EndsAt = ev.EndsAt.ToRiga().DateTime,
        Venue = ev.Venue,
        Address = ev.Address,
        TerritoryId = ev.TerritoryId,
        ThemeId = ev.ThemeId,
        PierigasPartneriba = ev.OrganisingPartnerships.HasFlag(Partnerships.PierigasPartneriba),
        PartneribaDaugavkrasts = ev.OrganisingPartnerships.HasFlag(Partnerships.PartneribaDaugavkrasts),
        CommunityIds = [.. ev.Communities.Select(c => c.Id)],
        Audience = ev.Audience,
        Capacity = ev.Capacity,
        NgoQuota = ev.NgoQuota,
        MunicipalityQuota = ev.MunicipalityQuota,
        RegistrationOpensAt = ev.RegistrationOpensAt?.ToRiga().DateTime,
        RegistrationClosesAt = ev.RegistrationClosesAt?.ToRiga().DateTime,
        ReminderHoursBefore = ev.ReminderHoursBefore,
        Agenda = [.. ev.Agenda.OrderBy(a => a.Position).Select(a => new AgendaRow { Time = a.Time, Title = a.Title })],
        Groups = [.. ev.Groups.OrderBy(g => g.Position).Select(g => new GroupRow { Id = g.Id, NameLv = g.NameLv, NameEn = g.NameEn })],
        Publish = ev.Status != EventStatus.Draft,
    };

    private async Task<IActionResult> FormViewAsync(EventForm form, Event? ev, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var led = await access.LedCommunitiesAsync(User, ct);
        var chosenIds = form.CommunityIds.ToHashSet();
        if (ev?.OwnerCommunityId is { } ownerId)
        {
            // Shown (not posted) on the form: it stays whatever was ticked.
            chosenIds.Add(ownerId);
        }

        var chosen = await db.Communities.AsNoTracking().Where(c => chosenIds.Contains(c.Id) && c.Status == CommunityStatus.Published)
            .Select(c => new CommunityChoice(c.Id, c.Name, c.Slug)).ToListAsync(ct);
        var choices = chosen.Concat(led).DistinctBy(c => c.Id).OrderBy(c => c.Name, Cultures.LatvianComparer).ToList();
        // What the directory finds for the text in the search field, to be ticked (not those listed already).
        var matches = string.IsNullOrWhiteSpace(form.AddCommunity) ? null
            : (await directory.MatchesAsync(form.AddCommunity, CommunityMatchLimit, ct)).Where(m => choices.All(c => c.Id != m.Id)).ToList();
        var pending = ev is null ? [] : await db.CoOrganiserRequests.AsNoTracking()
            .Where(r => r.EventId == ev.Id && r.Status == CoOrganiserRequestStatus.Pending)
            .OrderBy(r => r.Community!.Name).Select(r => r.Community!.Name).ToListAsync(ct);
        // A programme starts with room for a forum's usual five or six items.
        var emptyAgendaRows = form.Agenda.Any(a => !string.IsNullOrWhiteSpace(a.Title)) ? EmptyAgendaRows : 6;
        while (form.Agenda.Count(a => string.IsNullOrWhiteSpace(a.Title) && string.IsNullOrWhiteSpace(a.Time)) < emptyAgendaRows)
        {
            form.Agenda.Add(new AgendaRow());
        }

        while (form.Groups.Count(g => string.IsNullOrWhiteSpace(g.NameLv) && string.IsNullOrWhiteSpace(g.NameEn)) < EmptyGroupRows)
        {
            form.Groups.Add(new GroupRow());
        }

        var kinds = EventAccess.IsOrganiser(User) ? Enum.GetValues<EventKind>()
            : Enum.GetValues<EventKind>().Where(k => EventAccess.LeaderKinds.Contains(k) || k == ev?.Kind).ToArray();
        return View("Form", new EventFormViewModel(form, refData, choices, ev?.Slug, ev?.Status, kinds, EventAccess.IsOrganiser(User),
            ev?.OwnerCommunityId, pending, matches));
    }
}

/// <summary>The events listed, and the community they are narrowed to, if any.</summary>
public sealed record AdminEventListViewModel(PagedList<AdminEventRow> Events, CommunityChoice? Community);

public sealed record AdminEventRow(string Slug, string Title, EventKind Kind, EventStatus Status, DateTimeOffset StartsAt, int? Capacity,
    int Confirmed, int Waitlisted);

public sealed record EventFormViewModel(EventForm Form, ReferenceData Reference, IReadOnlyList<CommunityChoice> Communities, string? Slug,
    EventStatus? Status, IReadOnlyList<EventKind> Kinds, bool IsOrganiser, int? OwnerCommunityId, IReadOnlyList<string> PendingCommunities,
    IReadOnlyList<Communities.CommunityMatch>? Matches);

/// <summary>An event's co-organisers as a form asks: those that join at once, those to be asked, and
/// the community in whose name it is (or was) created.</summary>
public sealed record CoOrganisers(List<Community> Direct, List<Community> Requested, int? OwnerId);

public sealed record ManagedPageViewModel<TForm>(string Slug, string Title, EventStatus Status, TForm Form);
