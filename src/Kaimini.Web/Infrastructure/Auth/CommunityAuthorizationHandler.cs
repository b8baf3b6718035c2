using Kaimini.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>A community's own leaders (whatever its status: they correct it after a rejection), and
/// for <see cref="CommunityRequirement.Manage"/> organisers and administrators.</summary>
public sealed class CommunityAuthorizationHandler(AppDbContext db) : AuthorizationHandler<CommunityRequirement, CommunityResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CommunityRequirement requirement, CommunityResource resource)
    {
        if (requirement.OrganisersToo && Policies.IsOrganiser(context.User))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = Policies.UserId(context.User);
        if (userId is not null && await db.CommunityMemberships.AnyAsync(m => m.CommunityId == resource.Id && m.UserId == userId && m.IsLeader))
        {
            context.Succeed(requirement);
        }
    }
}
