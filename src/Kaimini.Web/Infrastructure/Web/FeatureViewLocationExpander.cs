using Microsoft.AspNetCore.Mvc.Razor;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Views live beside their controller: /Features/{controller}/{view}.cshtml.</summary>
public class FeatureViewLocationExpander : IViewLocationExpander
{
    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        ["/Features/{1}/{0}.cshtml", "/Features/Shared/{0}.cshtml"];

    public void PopulateValues(ViewLocationExpanderContext context)
    {
    }
}
