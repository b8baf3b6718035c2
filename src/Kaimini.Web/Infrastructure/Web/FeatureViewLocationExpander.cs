using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Views live beside their controller: /Features/{controller}/{view}.cshtml, then the folder
/// of the controller's namespace (/Features/{feature}/{view}.cshtml), so several controllers of one
/// feature share its views.</summary>
public class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string FeaturesNamespace = "Kaimini.Web.Features.";

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        // The controller's name first: a few controllers keep their views in a folder named after them
        // (EventRegistrations, CoLeader, CommunityProfile), which the namespace's folder must not shadow.
        yield return "/Features/{1}/{0}.cshtml";
        if (context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }

        yield return "/Features/Shared/{0}.cshtml";
    }

    /// <summary>The feature folder is part of the view cache's key, so two controllers of one name in
    /// different features never share a cached location.</summary>
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns && ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
        {
            var feature = ns[FeaturesNamespace.Length..].Split('.')[0];
            if (!string.Equals(feature, action.ControllerName, StringComparison.Ordinal))
            {
                context.Values[FeatureKey] = feature;
            }
        }
    }
}
