using Kaimini.Web.Data;
using Kaimini.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kaimini.Web.Features.News;

/// <summary>A community's three latest news on its page, a link to all of them, and for whoever may
/// edit the community a link to write one.</summary>
public class CommunityNewsViewComponent(NewsQueries news, ReferenceCache reference, IAuthorizationService authorization) : ViewComponent
{
    public const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync(int communityId, string slug)
    {
        var ct = HttpContext.RequestAborted;
        var refData = await reference.GetAsync(ct);
        var query = news.ForCommunity(communityId);
        var latest = await NewsQueries.CardsAsync(NewsQueries.Newest(query).Take(Shown), refData, ct);
        var canWrite = User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(UserClaimsPrincipal, new CommunityResource(communityId, slug), CommunityRequirement.Manage)).Succeeded;
        return View("/Features/News/_CommunityNews.cshtml", new CommunityNewsViewModel(slug, latest, canWrite));
    }
}
