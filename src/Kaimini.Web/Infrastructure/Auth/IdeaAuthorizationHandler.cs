using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>Organisers and administrators moderate every idea. The ideas addressed to the
/// municipality are answered by administrators, and by municipality staff for their own novads only
/// (the staff account's <see cref="AppUser.NovadsId"/> is the novads of the idea's territory): a
/// municipality speaks for its own territory. Organisers and administrators mark any idea
/// implemented, municipality staff those addressed to the municipality in their own novads.</summary>
public sealed class IdeaAuthorizationHandler(AppDbContext db) : AuthorizationHandler<IdeaRequirement, IdeaResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, IdeaRequirement requirement, IdeaResource resource)
    {
        var user = context.User;
        var municipalitys = resource.AddressedTo == IdeaAddressee.Municipality;
        var ownNovadsStaff = municipalitys && user.IsInRole(Roles.MunicipalityStaff) && await IsOwnNovadsAsync(Policies.UserId(user), resource.Id);
        var allowed = requirement == IdeaRequirement.Moderate ? Policies.IsOrganiser(user)
            : requirement == IdeaRequirement.Answer ? (municipalitys && user.IsInRole(Roles.Administrator)) || ownNovadsStaff
            : requirement == IdeaRequirement.Implement && (Policies.IsOrganiser(user) || ownNovadsStaff);
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>The idea lies in the novads the staff account works for; an account without a novads
    /// answers nowhere until an administrator sets it.</summary>
    private Task<bool> IsOwnNovadsAsync(string? userId, int ideaId) =>
        userId is null
            ? Task.FromResult(false)
            : db.Ideas.Where(i => i.Id == ideaId)
                .Join(db.Territories, i => i.TerritoryId, t => t.Id, (i, t) => t.NovadsId ?? t.Id)
                .AnyAsync(novads => db.Users.Any(u => u.Id == userId && u.NovadsId == novads));
}
