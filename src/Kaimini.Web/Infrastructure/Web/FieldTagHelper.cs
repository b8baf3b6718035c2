using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary><c>&lt;field for="Email" type="email" autocomplete="email" /&gt;</c>: a Bootstrap form
/// group with its label, the input (text, e-mail, password, textarea or checkbox, from the model's
/// type and [DataType]; a select when <see cref="Items"/> are given), an optional hint and the
/// validation message, tied together for screen readers. The value a person typed or chose is kept
/// after a failed post (except passwords). <c>data-</c> attributes go on the input.</summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public required ModelExpression For { get; set; }

    /// <summary>The input type; by default from the model ([DataType(Password)], bool → checkbox).</summary>
    public string? Type { get; set; }

    public string? Autocomplete { get; set; }

    /// <summary>An already localized hint shown under the input.</summary>
    public string? Hint { get; set; }

    public int Rows { get; set; } = 5;

    /// <summary>The options of a select (with <see cref="SelectListItem.Group"/> for optgroups); the
    /// one matching the bound value is selected.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>A select's first, empty option ("Izvēlieties…"), already localized.</summary>
    public string? Placeholder { get; set; }

    /// <summary>Ids of text elsewhere on the page that also describes the input (a note shared by
    /// several fields), read before its own hint.</summary>
    public string? DescribedBy { get; set; }

    /// <summary>Whether the field must be filled, where the form decides it (a forum's group, only
    /// when the forum has groups) rather than a [Required] on the model.</summary>
    public bool? Required { get; set; }

    /// <summary>Focus the input when the page opens (a form filled again and again, not after a
    /// failed post: then the error list takes focus).</summary>
    public bool Autofocus { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    /// <summary>The visible mark of a required field, in its label (the form explains it with <c>_RequiredNote</c>).</summary>
    public static readonly IHtmlContent RequiredMark = new HtmlString("<span class=\"required-mark\" aria-hidden=\"true\"> *</span>");

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var type = Items is not null ? "select" : Type ?? InferType();
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;

        var attributes = new Dictionary<string, object>();
        var describedBy = new List<string>();
        if (DescribedBy is not null)
        {
            describedBy.Add(DescribedBy);
        }

        if (Hint is not null)
        {
            describedBy.Add($"{id}-hint");
        }

        if (hasError)
        {
            describedBy.Add($"{id}-error");
            attributes["aria-invalid"] = "true";
        }

        if (describedBy.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        var required = Required ?? For.Metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any();
        if (required)
        {
            attributes["aria-required"] = "true";
        }

        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (Autofocus)
        {
            attributes["autofocus"] = "autofocus";
        }

        // data- attributes are for scripts that watch the input (the sign-up form's participant type).
        foreach (var data in output.Attributes.Where(a => a.Name.StartsWith("data-", StringComparison.Ordinal)).ToList())
        {
            attributes[data.Name] = data.Value?.ToString() ?? "";
            output.Attributes.Remove(data);
        }

        var isCheckbox = type == "checkbox";
        attributes["class"] = (isCheckbox ? "form-check-input" : type == "select" ? "form-select" : "form-control") + (hasError ? " is-invalid" : "");

        IHtmlContent input = type switch
        {
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, For.Name, null, attributes),
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, null, attributes),
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, Rows, 0, attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, Placeholder, For.Name, Items!, allowMultiple: false, attributes),
            _ => TextBox(type, attributes),
        };
        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, null,
            new { @class = isCheckbox ? "form-check-label" : "form-label" });
        if (required && !isCheckbox)
        {
            // Seen by sighted people; screen readers hear aria-required on the input instead.
            label.InnerHtml.AppendHtml(RequiredMark);
        }

        var message = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, For.Name, null, "span",
            new { @class = "invalid-feedback d-block", id = $"{id}-error" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", isCheckbox ? "mb-3 form-check" : "mb-3");
        if (isCheckbox)
        {
            output.Content.AppendHtml(input).AppendHtml(label);
            if (generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, For.Name) is { } hidden)
            {
                output.Content.AppendHtml(hidden);
            }
        }
        else
        {
            output.Content.AppendHtml(label).AppendHtml(input);
        }

        if (Hint is not null)
        {
            var hint = new TagBuilder("div");
            hint.Attributes["id"] = $"{id}-hint";
            hint.AddCssClass("form-text");
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
        }

        output.Content.AppendHtml(message);
    }

    private TagBuilder TextBox(string type, Dictionary<string, object> attributes)
    {
        attributes["type"] = type;
        // Date and number inputs take one machine format whatever the page's language.
        var value = (type, For.Model) switch
        {
            ("datetime-local", DateTime dt) => dt.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ("date", DateTime d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ("date", DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ("number", IFormattable n) => n.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => For.Model,
        };
        return generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, value, null, attributes);
    }

    private string InferType()
    {
        if (For.Metadata.ModelType == typeof(bool))
        {
            return "checkbox";
        }

        return For.Metadata.DataTypeName switch
        {
            nameof(DataType.Password) => "password",
            nameof(DataType.EmailAddress) => "email",
            nameof(DataType.MultilineText) => "textarea",
            _ => "text",
        };
    }
}
