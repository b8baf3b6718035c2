using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>The communities an event's form names, for its page and its checks alike: those the
/// person leads, what the directory finds for the text in the search field, the ones to tick, and
/// the ticked and named resolved into co-organisers (joining at once or asked).</summary>
public class EventFormCommunities(AppDbContext db, EventAccess access, CommunityDirectory directory, IStringLocalizer<SharedResource> t)
{
    public const int MaxOpenCoOrganiserRequests = 10;
    public const int MatchLimit = 10;

    /// <summary>The communities this person leads.</summary>
    public Task<IReadOnlyList<CommunityChoice>> LedAsync(ClaimsPrincipal user, CancellationToken ct) => access.LedCommunitiesAsync(user, ct);

    /// <summary>What the directory finds for a search field's text.</summary>
    public Task<IReadOnlyList<CommunityMatch>> MatchesAsync(string text, CancellationToken ct) => directory.MatchesAsync(text, MatchLimit, ct);

    /// <summary>The communities to tick (those ticked or owning the event, and those the person leads,
    /// in Latvian order), and what the directory finds for the search field's text among the others.</summary>
    public async Task<(List<CommunityChoice> Choices, List<CommunityMatch>? Matches)> ChoicesAsync(EventForm form, Event? ev, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var led = await LedAsync(user, ct);
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
            : (await MatchesAsync(form.AddCommunity, ct)).Where(m => choices.All(c => c.Id != m.Id)).ToList();
        return (choices, matches);
    }

    /// <summary>Adds errors to <paramref name="state"/> under "form.X". Co-organisers: those ticked and one added by its exact name or address. Other text is
    /// a search: what the directory finds is listed under the field to be ticked, unless one is already.</summary>
    public async Task<CoOrganisers> CoOrganisersAsync(EventForm form, ClaimsPrincipal user, Event? existing, ModelStateDictionary state, CancellationToken ct)
    {
        var led = await LedAsync(user, ct);
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
            var matches = await MatchesAsync(form.AddCommunity, ct);
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

    private void Error(ModelStateDictionary state, string field, string key, params object[] args) =>
        state.AddModelError($"form.{field}", t[key, args]);
}
