using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary><c>&lt;filter-select name="novads" label="…" any="…" items="…" value="…" /&gt;</c>: the
/// label and select of one filter in a list's GET form (directory, events, ideas, reports). The
/// empty first option (<see cref="Any"/>) means "no filter"; the option whose value is
/// <see cref="Value"/> is selected. The caller places it in its grid column.</summary>
[HtmlTargetElement("filter-select", Attributes = "name,label,items", TagStructure = TagStructure.WithoutEndTag)]
public class FilterSelectTagHelper : TagHelper
{
    public required string Name { get; set; }

    /// <summary>The select's id; by default its name.</summary>
    public string? Id { get; set; }

    /// <summary>The visible label, already localized.</summary>
    public required string Label { get; set; }

    /// <summary>The first option, for no filter ("Jebkurš"); none when the filter always has a value.</summary>
    public string? Any { get; set; }

    /// <summary>The options (with <see cref="SelectListItem.Group"/> for optgroups).</summary>
    public required IEnumerable<SelectListItem> Items { get; set; }

    /// <summary>The value chosen now (from the query string).</summary>
    public string? Value { get; set; }

    /// <summary>Ids of text that describes the filter.</summary>
    public string? DescribedBy { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id ?? Name;
        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.AddCssClass("form-label");
        label.InnerHtml.Append(Label);

        var select = new TagBuilder("select");
        select.Attributes["id"] = id;
        select.Attributes["name"] = Name;
        select.AddCssClass("form-select");
        if (DescribedBy is not null)
        {
            select.Attributes["aria-describedby"] = DescribedBy;
        }

        if (Any is not null)
        {
            select.InnerHtml.AppendHtml(Option(Any, "", selected: false));
        }

        TagBuilder? group = null;
        foreach (var item in Items)
        {
            var option = Option(item.Text, item.Value, string.Equals(item.Value, Value, StringComparison.Ordinal));
            if (item.Group is null)
            {
                AppendGroup();
                select.InnerHtml.AppendHtml(option);
                continue;
            }

            if (group?.Attributes["label"] != item.Group.Name)
            {
                AppendGroup();
                group = new TagBuilder("optgroup");
                group.Attributes["label"] = item.Group.Name;
            }

            group.InnerHtml.AppendHtml(option);
        }

        AppendGroup();
        output.TagName = null;
        output.Content.AppendHtml(label).AppendHtml(select);

        void AppendGroup()
        {
            if (group is not null)
            {
                select.InnerHtml.AppendHtml(group);
                group = null;
            }
        }
    }

    private static TagBuilder Option(string text, string value, bool selected)
    {
        var option = new TagBuilder("option");
        option.Attributes["value"] = value;
        if (selected)
        {
            option.Attributes["selected"] = "selected";
        }

        option.InnerHtml.Append(text);
        return option;
    }
}
