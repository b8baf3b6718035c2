using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Authorization;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>Organisers and administrators moderate every idea; municipality staff and administrators
/// answer the ideas addressed to the municipality, and only those. Organisers and administrators
/// mark any idea implemented, municipality staff those addressed to the municipality.</summary>
public sealed class IdeaAuthorizationHandler : AuthorizationHandler<IdeaRequirement, IdeaResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IdeaRequirement requirement, IdeaResource resource)
    {
        var user = context.User;
        var municipalitys = resource.AddressedTo == IdeaAddressee.Municipality;
        var allowed = requirement == IdeaRequirement.Moderate ? Policies.IsOrganiser(user)
            : requirement == IdeaRequirement.Answer ? municipalitys && (user.IsInRole(Roles.MunicipalityStaff) || user.IsInRole(Roles.Administrator))
            : requirement == IdeaRequirement.Implement && (Policies.IsOrganiser(user) || (municipalitys && user.IsInRole(Roles.MunicipalityStaff)));
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
