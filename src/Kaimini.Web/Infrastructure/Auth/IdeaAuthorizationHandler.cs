using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Authorization;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>Organisers and administrators moderate every idea; municipality staff and administrators
/// answer the ideas addressed to the municipality, and only those.</summary>
public sealed class IdeaAuthorizationHandler : AuthorizationHandler<IdeaRequirement, IdeaResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IdeaRequirement requirement, IdeaResource resource)
    {
        var user = context.User;
        var allowed = requirement == IdeaRequirement.Moderate
            ? Policies.IsOrganiser(user)
            : requirement == IdeaRequirement.Answer && resource.AddressedTo == IdeaAddressee.Municipality
                && (user.IsInRole(Roles.MunicipalityStaff) || user.IsInRole(Roles.Administrator));
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
