using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>Organisers and administrators manage every event; a community's leaders manage the
/// events their published community co-organises (created in its name, or joined by accepting a
/// request). Nobody else, whatever role they have.</summary>
public sealed class EventAuthorizationHandler(AppDbContext db) : AuthorizationHandler<EventRequirement, EventResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EventRequirement requirement, EventResource resource)
    {
        if (Policies.IsOrganiser(context.User))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = Policies.UserId(context.User);
        if (userId is not null && await db.Events.Where(e => e.Id == resource.Id)
                .SelectMany(e => e.Communities)
                .AnyAsync(c => c.Status == CommunityStatus.Published && c.Memberships.Any(m => m.UserId == userId && m.IsLeader)))
        {
            context.Succeed(requirement);
        }
    }
}
