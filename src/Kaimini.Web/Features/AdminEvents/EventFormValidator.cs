using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Events;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>The checks of an event's form that need the database or the user: what a leader may
/// choose, the co-organising communities (resolved: those that join at once, those to be asked, and
/// the one in whose name the event is created), a new event's start, and an edited one's places.</summary>
public class EventFormValidator(AppDbContext db, EventAccess access, CommunityDirectory directory, ReferenceCache reference,
    EventSignup signup, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const int MaxOpenCoOrganiserRequests = 10;
    public const int CommunityMatchLimit = 10;

    /// <summary>Adds errors to <paramref name="state"/> under "form.X"; <paramref name="existing"/> is
    /// the event being edited (locked, with its communities and groups) or null for a new one.</summary>
    public async Task<CoOrganisers> ValidateAsync(EventForm form, ClaimsPrincipal user, Event? existing, ModelStateDictionary state, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        foreach (var error in form.Validate(refData, existing?.Groups.Select(g => g.Id).ToList() ?? []))
        {
            state.AddModelError($"form.{error.Field}", t[error.Key]);
        }

        if (!EventAccess.IsOrganiser(user))
        {
            // Forums, the Dižkūre and study trips are the partnerships' own, and so is their name.
            if (!EventAccess.LeaderKinds.Contains(form.Kind) && existing?.Kind != form.Kind)
            {
                Error(state, nameof(form.Kind), "Event.Error.KindForOrganisers");
            }

            if (form.Partnerships != (existing?.OrganisingPartnerships ?? Partnerships.None))
            {
                Error(state, nameof(form.PierigasPartneriba), "Event.Error.OrganisersOnly");
            }
        }

        var communities = await CoOrganisersAsync(form, user, existing, state, ct);
        if (existing is null)
        {
            if (form.StartsAt is { } s && RigaTime.FromRiga(s) <= clock.GetUtcNow())
            {
                Error(state, nameof(form.StartsAt), "Event.Error.StartInPast");
            }
        }
        else
        {
            await CheckPlacesAsync(form, existing, state, ct);
        }

        return communities;
    }

    /// <summary>Co-organisers: those ticked and one added by its exact name or address. Other text is
    /// a search: what the directory finds is listed under the field to be ticked, unless one is already.</summary>
    private async Task<CoOrganisers> CoOrganisersAsync(EventForm form, ClaimsPrincipal user, Event? existing, ModelStateDictionary state, CancellationToken ct)
    {
        var led = await access.LedCommunitiesAsync(user, ct);
        var ids = form.CommunityIds.Distinct().ToList();
        var communities = await db.Communities.Where(c => ids.Contains(c.Id) && c.Status == CommunityStatus.Published).ToListAsync(ct);
        await AddNamedAsync(form, ids, communities, state, ct);

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
            Error(state, nameof(form.AddCommunity), "Event.Error.TooManyCoOrganiserRequests", MaxOpenCoOrganiserRequests);
        }

        // A leader (not an organiser) must keep at least one of their own communities on the event.
        if (!EventAccess.IsOrganiser(user) && !direct.Any(c => ledIds.Contains(c.Id)))
        {
            Error(state, nameof(form.AddCommunity), "Event.Error.OwnCommunityRequired");
        }

        // A leader's new event is created in the name of the first community of theirs on it.
        var ownerCommunityId = existing is not null ? existing.OwnerCommunityId
            : EventAccess.IsOrganiser(user) ? null
            : led.FirstOrDefault(l => direct.Any(c => c.Id == l.Id))?.Id;
        return new CoOrganisers(direct, requested, ownerCommunityId);
    }

    /// <summary>Adds the community named exactly in the search field; other text must find one that
    /// is ticked already.</summary>
    private async Task AddNamedAsync(EventForm form, List<int> ids, List<Community> communities, ModelStateDictionary state, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.AddCommunity))
        {
            return;
        }

        var found = await CommunityFinder.FindAsync(db, [form.AddCommunity.Trim()], ct);
        if (found.Count == 0)
        {
            var matches = await directory.MatchesAsync(form.AddCommunity, CommunityMatchLimit, ct);
            if (matches.Count == 0)
            {
                Error(state, nameof(form.AddCommunity), "Event.Error.UnknownCommunity", form.AddCommunity.Trim());
            }
            else if (!matches.Any(m => ids.Contains(m.Id)))
            {
                Error(state, nameof(form.AddCommunity), "Event.Error.ChooseCommunity", form.AddCommunity.Trim());
            }
        }
        else if (communities.All(c => c.Id != found.Values.First().Id))
        {
            communities.Add(await db.Communities.SingleAsync(c => c.Id == found.Values.First().Id, ct));
        }
    }

    /// <summary>A smaller capacity can't drop below the places already given; without a capacity a
    /// quota is that side's limit, and can't drop below the places it has.</summary>
    private async Task CheckPlacesAsync(EventForm form, Event existing, ModelStateDictionary state, CancellationToken ct)
    {
        var places = await signup.PlacesTakenAsync(existing.Id, ct);
        if (form.Capacity is { } capacity && capacity < places.Total)
        {
            state.AddModelError("form.Capacity", t.Count("Event.Error.CapacityBelowConfirmed", places.Total));
        }

        if (form.Capacity is null && form.NgoQuota is > 0 and var ngo && ngo < places.Of(ParticipantType.NgoRepresentative))
        {
            state.AddModelError("form.NgoQuota", t.Count("Event.Error.CapacityBelowConfirmed", places.Of(ParticipantType.NgoRepresentative)));
        }

        if (form.Capacity is null && form.MunicipalityQuota is > 0 and var muni && muni < places.Of(ParticipantType.MunicipalityStaff))
        {
            state.AddModelError("form.MunicipalityQuota", t.Count("Event.Error.CapacityBelowConfirmed", places.Of(ParticipantType.MunicipalityStaff)));
        }
    }

    private void Error(ModelStateDictionary state, string field, string key, params object[] args) =>
        state.AddModelError($"form.{field}", t[key, args]);
}

/// <summary>An event's co-organisers as a form asks: those that join at once, those to be asked, and
/// the community in whose name it is (or was) created.</summary>
public sealed record CoOrganisers(List<Community> Direct, List<Community> Requested, int? OwnerId);
