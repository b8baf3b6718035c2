using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>The folder tells the feature: a controller's views are found in the folder of its namespace
/// (<c>Kaimini.Web.Features.Events</c> → <c>/Features/Events/{view}.cshtml</c>), then in
/// <c>/Features/Shared</c>. The controller's name plays no part, so every controller of a feature
/// shares its folder, and a view whose name two of them would use says which one it is.</summary>
public class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string FeaturesNamespace = "Kaimini.Web.Features.";

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }

        yield return "/Features/Shared/{0}.cshtml";
    }

    /// <summary>The feature folder is part of the view cache's key, so controllers of one name in
    /// different features never share a cached location.</summary>
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns && ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
        {
            context.Values[FeatureKey] = ns[FeaturesNamespace.Length..].Split('.')[0];
        }
    }
}
