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
/// choose, the co-organising communities (resolved by <see cref="EventFormCommunities"/>), a new
/// event's start, and an edited one's places.</summary>
public class EventFormValidator(EventFormCommunities communities, ReferenceCache reference, EventSignup signup, TimeProvider clock,
    IStringLocalizer<SharedResource> t)
{

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

        var coOrganisers = await communities.CoOrganisersAsync(form, user, existing, state, ct);
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

        return coOrganisers;
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
