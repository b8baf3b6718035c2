using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Data.Seed;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Events;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>What the event form starts from (empty, or a copy) and what it shows besides the form:
/// the communities to tick, what the directory found, the pending requests, the kinds allowed.</summary>
public class EventFormPage(AppDbContext db, ReferenceCache reference, EventFormCommunities communities, IAuthorizationService authorization,
    IOptions<EventOptions> options, IStringLocalizer<SharedResource> t)
{
    private const int EmptyAgendaRows = 3;
    private const int EmptyGroupRows = 2;

    /// <summary>A new event's form; with <paramref name="copy"/> one that starts from that event (null
    /// when there is none this person manages).</summary>
    public async Task<EventForm?> NewAsync(ClaimsPrincipal user, string? copy, string? community, string? partner, CancellationToken ct)
    {
        var form = new EventForm
        {
            ReminderHoursBefore = options.Value.DefaultReminderHours,
            Groups = [.. ForumGroupDefaults.All.Select(g => new GroupRow { NameLv = g.NameLv, NameEn = g.NameEn })],
        };
        if (!EventAccess.IsOrganiser(user))
        {
            // A leader's event needs one of their communities: the only one they lead is ticked, so
            // the first save succeeds; with several, they choose (or come with one named).
            // ?community={slug} (from "My communities") ticks that one, if they lead it.
            var led = await communities.LedAsync(user, ct);
            if ((led.Count == 1 ? led[0] : led.FirstOrDefault(c => c.Slug == community)) is { } preselected)
            {
                form.CommunityIds = [preselected.Id];
            }
        }

        if (copy is null && partner is not null)
        {
            // From a matched cooperation post: both communities are ticked (one the leader does not
            // lead is asked on save, as when ticked by hand).
            var named = new[] { partner, community };
            var ids = await db.Communities.AsNoTracking().Where(c => named.Contains(c.Slug) && c.Status == CommunityStatus.Published)
                .Select(c => c.Id).ToListAsync(ct);
            form.CommunityIds = [.. form.CommunityIds.Union(ids)];
        }

        return copy is null ? form : await CopyAsync(user, copy, ct);
    }

    /// <summary>The event with its communities, agenda and groups, not tracked.</summary>
    public Task<Event?> LoadAsync(string slug, CancellationToken ct) =>
        db.Events.AsNoTracking().AsSplitQuery().Include(e => e.Communities).Include(e => e.Agenda).Include(e => e.Groups)
            .SingleOrDefaultAsync(e => e.Slug == slug, ct);

    public async Task<EventFormViewModel> ViewModelAsync(EventForm form, Event? ev, ClaimsPrincipal user, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var (choices, matches) = await communities.ChoicesAsync(form, ev, user, ct);
        var pending = ev is null ? [] : await db.CoOrganiserRequests.AsNoTracking()
            .Where(r => r.EventId == ev.Id && r.Status == CoOrganiserRequestStatus.Pending)
            .OrderBy(r => r.Community!.Name).Select(r => r.Community!.Name).ToListAsync(ct);
        AddEmptyRows(form);
        var kinds = EventAccess.IsOrganiser(user) ? Enum.GetValues<EventKind>()
            : Enum.GetValues<EventKind>().Where(k => EventAccess.LeaderKinds.Contains(k) || k == ev?.Kind).ToArray();
        return new EventFormViewModel(form, refData, choices, ev?.Slug, ev?.Status, kinds, EventAccess.IsOrganiser(user),
            ev?.OwnerCommunityId, pending, matches);
    }

    /// <summary>A copy of an event this person manages: its title marked, dates to be changed, only the
    /// communities a leader leads, new groups, not published.</summary>
    private async Task<EventForm?> CopyAsync(ClaimsPrincipal user, string copy, CancellationToken ct)
    {
        var source = await LoadAsync(copy, ct);
        if (source is null || !(await authorization.AuthorizeAsync(user, new EventResource(source.Id, source.Slug), EventRequirement.Manage)).Succeeded)
        {
            return null;
        }

        var form = EventForm.From(source);
        form.Title = t["AdminEvents.CopyTitle", source.Title].Value;
        if (!EventAccess.IsOrganiser(user))
        {
            var led = (await communities.LedAsync(user, ct)).Select(c => c.Id).ToHashSet();
            form.CommunityIds = [.. form.CommunityIds.Where(led.Contains)];
        }

        form.Groups.ForEach(g => g.Id = null);
        form.Publish = false;
        return form;
    }

    private static void AddEmptyRows(EventForm form)
    {
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
    }
}

public sealed record EventFormViewModel(EventForm Form, ReferenceData Reference, IReadOnlyList<CommunityChoice> Communities, string? Slug,
    EventStatus? Status, IReadOnlyList<EventKind> Kinds, bool IsOrganiser, int? OwnerCommunityId, IReadOnlyList<string> PendingCommunities,
    IReadOnlyList<CommunityMatch>? Matches);
