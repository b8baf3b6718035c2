using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Following;

/// <summary>The follow button on a community, territory or theme page; for a community's own
/// leaders, how many people follow it.</summary>
public class FollowViewComponent(Follows follows, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(FollowKind kind, int targetId, string? communitySlug = null)
    {
        var ct = HttpContext.RequestAborted;
        var returnUrl = Request.Path + Request.QueryString;
        var userId = Policies.UserId(UserClaimsPrincipal);
        if (userId is null)
        {
            return View("/Features/Following/_FollowButton.cshtml", new FollowButtonViewModel(kind, targetId, false, false, returnUrl, null));
        }

        var following = await follows.IsFollowingAsync(userId, kind, targetId, ct);
        int? followers = null;
        if (kind == FollowKind.Community && communitySlug is not null
            && (await authorization.AuthorizeAsync(UserClaimsPrincipal, new CommunityResource(targetId, communitySlug), CommunityRequirement.ActFor)).Succeeded)
        {
            followers = await follows.Of(kind, targetId).CountAsync(ct);
        }

        return View("/Features/Following/_FollowButton.cshtml", new FollowButtonViewModel(kind, targetId, true, following, returnUrl, followers));
    }
}
