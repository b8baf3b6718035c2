using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.CoOrganiserRequests.Emails;
using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.CoOrganiserRequests;

/// <summary>Asking a community to co-organise an event: a request its leaders answer, told by e-mail.</summary>
public class CoOrganiserRequestService(AppDbContext db, Mailer mailer, PublicUrls urls, TimeProvider clock)
{
    /// <summary>Adds a request for each community that has no open one for this event, and queues a
    /// mail to each of its leaders (not saved: the caller saves, with the event). Returns how many
    /// requests were added.</summary>
    public async Task<int> RequestAsync(Event ev, IReadOnlyCollection<Community> communities, AppUser requester, CancellationToken ct)
    {
        if (communities.Count == 0)
        {
            return 0;
        }

        var ids = communities.Select(c => c.Id).ToList();
        var open = ev.Id == 0 ? [] : await db.CoOrganiserRequests
            .Where(r => r.EventId == ev.Id && ids.Contains(r.CommunityId) && r.Status == CoOrganiserRequestStatus.Pending)
            .Select(r => r.CommunityId).ToListAsync(ct);
        var leaders = await db.CommunityMemberships.AsNoTracking()
            .Where(m => ids.Contains(m.CommunityId) && m.IsLeader && m.User!.Email != null)
            .Select(m => new { m.CommunityId, Email = m.User!.Email!, m.User.DisplayName, m.User.PreferredCulture })
            .ToListAsync(ct);
        await mailer.PreloadSuppressionsAsync(leaders.Select(l => l.Email), ct);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var community in communities.Where(c => !open.Contains(c.Id)))
        {
            db.CoOrganiserRequests.Add(new CoOrganiserRequest
            {
                Id = Guid.CreateVersion7(),
                Event = ev,
                CommunityId = community.Id,
                RequestedById = requester.Id,
                RequestedAt = now,
            });
            foreach (var leader in leaders.Where(l => l.CommunityId == community.Id))
            {
                await mailer.QueueAsync(new EmailRecipient(leader.Email, leader.DisplayName, leader.PreferredCulture),
                    new CoOrganiserRequestEmail(requester.DisplayName, EventFacts.Of(ev), community.Name,
                        urls.Absolute(Links.Communities.CoOrganising(community.Slug))),
                    "event.coorganiser", essential: false, ct: ct);
            }

            added++;
        }

        return added;
    }
}
