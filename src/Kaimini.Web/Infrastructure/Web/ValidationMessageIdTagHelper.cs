using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Gives a field's validation message the id that <see cref="AccessibleFieldTagHelper"/>
/// points <c>aria-describedby</c> at.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public class ValidationMessageIdTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public required ModelExpression For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(name, "_") + "-error");
    }
}
