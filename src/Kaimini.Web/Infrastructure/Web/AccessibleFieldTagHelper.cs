using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Ties a field to its error for screen readers: <c>aria-invalid</c>, <c>aria-describedby</c>
/// pointing at the message written by <see cref="ValidationMessageIdTagHelper"/>, Bootstrap's
/// <c>is-invalid</c>, and <c>aria-required</c> for [Required] fields.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public class AccessibleFieldTagHelper : TagHelper
{
    // After the built-in tag helpers, which write id and name.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.TryGetAttribute("type", out var type) && type.Value?.ToString() is "hidden" or "checkbox" && For.Metadata.ModelType == typeof(bool))
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        if (For.Metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any())
        {
            output.Attributes.SetAttribute("aria-required", "true");
        }

        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing)
                ? $"{existing.Value} {id}-error"
                : $"{id}-error";
            output.Attributes.SetAttribute("aria-describedby", describedBy);
            var css = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() : null;
            output.Attributes.SetAttribute("class", string.IsNullOrEmpty(css) ? "is-invalid" : $"{css} is-invalid");
        }
    }
}
