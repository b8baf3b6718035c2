using Kaimini.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>The one check before an action on a resource named in the route: load it (404 when it
/// does not exist), ask <see cref="IAuthorizationService"/> for the requirement (403, or the login
/// page for someone not logged in), and leave the resource in <c>HttpContext.Items</c> for the action.</summary>
public abstract class AuthorizeResourceAttribute<TResource>(IAuthorizationRequirement requirement) : Attribute, IAsyncActionFilter
    where TResource : class
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var resource = await LoadAsync(http.RequestServices.GetRequiredService<AppDbContext>(), context.RouteData.Values, http.RequestAborted);
        if (resource is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        var result = await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, resource, requirement);
        if (!result.Succeeded)
        {
            context.Result = http.User.Identity?.IsAuthenticated == true ? new ForbidResult() : new ChallengeResult();
            return;
        }

        http.Items[typeof(TResource)] = resource;
        await next();
    }

    protected abstract Task<TResource?> LoadAsync(AppDbContext db, RouteValueDictionary route, CancellationToken ct);

    protected static string Slug(RouteValueDictionary route) => route["slug"] as string ?? "";
}

/// <summary>The event named by the route's {slug}, which this person may manage.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuthorizeEventAttribute() : AuthorizeResourceAttribute<EventResource>(EventRequirement.Manage)
{
    protected override Task<EventResource?> LoadAsync(AppDbContext db, RouteValueDictionary route, CancellationToken ct)
    {
        var slug = Slug(route);
        return db.Events.Where(e => e.Slug == slug).Select(e => new EventResource(e.Id, e.Slug)).SingleOrDefaultAsync(ct);
    }
}

/// <summary>The community named by the route's {slug}: managed by its leaders and organisers, or
/// (<c>leadersOnly</c>) spoken for by its leaders alone.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuthorizeCommunityAttribute(bool leadersOnly = false)
    : AuthorizeResourceAttribute<CommunityResource>(leadersOnly ? CommunityRequirement.ActFor : CommunityRequirement.Manage)
{
    protected override Task<CommunityResource?> LoadAsync(AppDbContext db, RouteValueDictionary route, CancellationToken ct)
    {
        var slug = Slug(route);
        return db.Communities.Where(c => c.Slug == slug).Select(c => new CommunityResource(c.Id, c.Slug)).SingleOrDefaultAsync(ct);
    }
}

/// <summary>The idea named by the route's {id}, on which this person may do what the requirement names.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuthorizeIdeaAttribute(string requirement) : AuthorizeResourceAttribute<IdeaResource>(IdeaRequirement.Named(requirement))
{
    protected override Task<IdeaResource?> LoadAsync(AppDbContext db, RouteValueDictionary route, CancellationToken ct)
    {
        var id = int.TryParse(route["id"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        return db.Ideas.Where(i => i.Id == id).Select(i => new IdeaResource(i.Id, i.AddressedTo)).SingleOrDefaultAsync(ct);
    }
}

/// <summary>The cooperation post named by the route's {id}, managed like its community (its leaders,
/// organisers and administrators); a hidden post is not found.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuthorizeCooperationPostAttribute() : AuthorizeResourceAttribute<CommunityResource>(CommunityRequirement.Manage)
{
    protected override Task<CommunityResource?> LoadAsync(AppDbContext db, RouteValueDictionary route, CancellationToken ct)
    {
        var id = int.TryParse(route["id"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        return db.CooperationPosts.Where(p => p.Id == id && p.Status != Domain.CooperationStatus.Hidden)
            .Select(p => new CommunityResource(p.CommunityId, p.Community!.Slug)).SingleOrDefaultAsync(ct);
    }
}
