using System.Globalization;
using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Invitations;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Invitations to one event: by address, every leader of the named communities, or every
/// leader in the directory; nobody invited or signed up already gets a second one.</summary>
public class EventInviter(AppDbContext db, BulkSendQueue sends, IStringLocalizer<SharedResource> t)
{
    private const int LeaderInviteLimit = 50;

    /// <summary>Adds errors to <paramref name="state"/> under "form.X" and returns who is named: the
    /// addresses and the communities whose leaders are invited.</summary>
    public async Task<InviteList> ValidateAsync(EventInviteForm form, ClaimsPrincipal user, ModelStateDictionary state, CancellationToken ct)
    {
        var (emails, rejected) = EmailListParser.Parse(form.Emails ?? "");
        if (!EventAccess.IsOrganiser(user))
        {
            // Leaders invite for their own event, not the whole network.
            if (form.AllLeaders)
            {
                state.AddModelError("form.AllLeaders", t["Event.Error.OrganisersOnly"]);
            }

            if (emails.Count > LeaderInviteLimit)
            {
                state.AddModelError("form.Emails", t["Event.Error.TooManyInvitations", LeaderInviteLimit]);
            }
        }

        foreach (var line in rejected)
        {
            state.AddModelError("form.Emails", t["Event.Error.InviteLine", line.Line, line.Text, t[line.ReasonKey]]);
        }

        var names = (form.Communities ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = await CommunityFinder.FindAsync(db, names, ct);
        foreach (var name in names.Where(n => !found.ContainsKey(n)))
        {
            state.AddModelError("form.Communities", t["Event.Error.UnknownCommunity", name]);
        }

        if (state.IsValid && emails.Count == 0 && found.Count == 0 && !form.AllLeaders)
        {
            state.AddModelError("form.Emails", t["Event.Error.NobodyToInvite"]);
        }

        return new InviteList(emails, [.. found.Values.Select(c => c.Id)]);
    }

    /// <summary>Stores the invitations to send as one bulk send (not saved: the caller saves), or
    /// none when everyone named was invited or signed up already; returns it and how many named were.</summary>
    public async Task<(BulkSend? Send, int Skipped)> StoreAsync(Event ev, EventInviteForm form, InviteList list, string inviterId, CancellationToken ct)
    {
        var leaders = await db.CommunityMemberships.AsNoTracking()
            .Where(m => m.IsLeader && (form.AllLeaders ? m.Community!.Status == CommunityStatus.Published : list.CommunityIds.Contains(m.CommunityId)))
            .Select(m => new { m.User!.Email, m.User.PreferredCulture })
            .ToListAsync(ct);
        var target = ev.Id.ToString(CultureInfo.InvariantCulture);
        // Invited already, or signed up already: nobody gets a second invitation.
        var already = (await db.Invitations.Where(i => i.Purpose == InvitationPurpose.Event && i.TargetId == target && i.Status != InvitationStatus.Revoked)
            .Select(i => i.Email)
            .Concat(db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status != RegistrationStatus.Cancelled).Select(r => r.Email))
            .ToListAsync(ct)).ToHashSet();
        var recipients = leaders.Where(l => l.Email is not null).Select(l => (Email: l.Email!.ToLowerInvariant(), Culture: l.PreferredCulture))
            .Concat(list.Emails.Select(e => (Email: e, Culture: Cultures.Current)))
            .DistinctBy(r => r.Email)
            .Where(r => !already.Contains(r.Email))
            .ToList();
        var skipped = leaders.Count + list.Emails.Count - recipients.Count;
        if (recipients.Count == 0)
        {
            return (null, skipped);
        }

        var quota = form.Quota is ParticipantType.NgoRepresentative or ParticipantType.MunicipalityStaff ? form.Quota : null;
        var send = sends.Add(BulkSendKind.EventInvitations, inviterId, recipients.Select(r => (r.Email, "", r.Culture)), s =>
        {
            s.EventId = ev.Id;
            s.Role = quota?.ToString();
        });
        return (send, skipped);
    }
}

/// <summary>Who an invitation form names: addresses, and communities whose leaders are invited.</summary>
public sealed record InviteList(IReadOnlyList<string> Emails, IReadOnlyList<int> CommunityIds);
