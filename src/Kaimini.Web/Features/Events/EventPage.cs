using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Events;

/// <summary>Builds an event's page (for showing it, and again after a refused sign-up): places
/// taken, attendees listed with consent, the person's own registration, who may sign up.</summary>
public class EventPage(AppDbContext db, EventSignup signup, ReferenceCache reference, MarkdownRenderer markdown, UserManager<AppUser> users,
    TimeProvider clock, IAuthorizationService authorization, Invitations.InvitationService invitations)
{
    private const string AttendeeSeparator = "\u001f";

    /// <summary>The page of the event with this slug as <paramref name="user"/> sees it, with
    /// <paramref name="form"/> in its sign-up form; null when there is none to show them (a draft
    /// for anyone but its organisers).</summary>
    public async Task<EventPageViewModel?> BuildAsync(string slug, SignUpForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking()
            .Where(e => e.Slug == slug)
            .Select(e => new
            {
                Event = e,
                // Places taken per side (a quota's side only once approved), and the attendees' names,
                // as columns of the event's own row: as split collections they were two more queries.
                Residents = e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed && !r.WalkIn
                    && (!r.QuotaApproved || r.ParticipantType == ParticipantType.Resident)),
                Ngos = e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed && !r.WalkIn
                    && r.QuotaApproved && r.ParticipantType == ParticipantType.NgoRepresentative),
                Municipality = e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed && !r.WalkIn
                    && r.QuotaApproved && r.ParticipantType == ParticipantType.MunicipalityStaff),
                Others = e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed && !r.WalkIn
                    && r.QuotaApproved && r.ParticipantType == ParticipantType.Other),
                // Listed with consent and only once the address is known to be theirs; joined with
                // the unit separator, which no form lets through (ControlCharacterMiddleware).
                Attendees = string.Join(AttendeeSeparator, e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed && r.ListConsent && r.EmailConfirmedAt != null)
                    .OrderBy(r => r.Name).Select(r => r.Name)),
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
        var places = new PlacesTaken(new Dictionary<ParticipantType, int>
        {
            [ParticipantType.Resident] = e.Residents,
            [ParticipantType.NgoRepresentative] = e.Ngos,
            [ParticipantType.MunicipalityStaff] = e.Municipality,
            [ParticipantType.Other] = e.Others,
        });
        var attendees = string.IsNullOrEmpty(e.Attendees) ? [] : e.Attendees.Split(AttendeeSeparator);
        var userId = users.GetUserId(user);
        var myCommunities = userId is null ? [] : await db.CommunityMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Community!.Status == CommunityStatus.Published)
            .OrderBy(m => m.Community!.Name).Select(m => new CommunityChoice(m.CommunityId, m.Community!.Name, m.Community.Slug)).ToListAsync(ct);
        // Still to come, the person's registration is shown (and can be changed) instead of the form.
        var mine = userId is null || ev.Status != EventStatus.Published || ev.EndsAt <= now ? null : await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == ev.Id && r.Status != RegistrationStatus.Cancelled)
            .Mine(userId, user.FindFirstValue(ClaimTypes.Email)).Project(db).FirstOrDefaultAsync(ct);
        var invited = form.Invitation is { Length: > 0 } token ? await invitations.FindForEventAsync(token, ev.Id, ct) : null;
        var access = ev.Audience switch
        {
            EventAudience.LeadersOnly when userId is null => SignUpAccess.SignInAsLeader,
            EventAudience.LeadersOnly when !await signup.IsLeaderAsync(userId, ct) => SignUpAccess.LeadersOnly,
            EventAudience.InvitationOnly when invited is null => SignUpAccess.InvitationOnly,
            _ => SignUpAccess.Open,
        };
        var canManage = user.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(user, new EventResource(ev.Id, ev.Slug), EventRequirement.Manage)).Succeeded;
        if (ev.Status == EventStatus.Draft && !canManage)
        {
            // A draft is seen only by those who may publish it.
            return null;
        }

        var state = ev.SignUpWindowAt(now);
        return new EventPageViewModel(ev, markdown.Render(ev.LocalDescription()), refData.PlaceLine(ev.TerritoryId),
            ev.ThemeId is { } th && refData.ThemeById.TryGetValue(th, out var theme) ? theme.Name(Cultures.Current) : null,
            places, attendees, e.Agenda, e.Groups, e.Communities, state, form, refData, myCommunities, canManage,
            markdown.Render(ev.OutcomeSummary), markdown.Render(ev.OutcomeDecisions), mine, access, invited);
    }
}
