using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.ForumIdeas;

/// <summary>One idea from a forum's paper notes, in the order of the page: what stays for the next
/// idea (group, theme, place) first. Shorter minimums than the public form: a note on paper may be
/// one line. No address: nobody is mailed about it.</summary>
public class PaperIdeaForm
{
    [Display(Name = "Field.ForumGroup")]
    public int? ForumGroupId { get; set; }

    [Display(Name = "Field.IdeaTheme")]
    public int? ThemeId { get; set; }

    [Display(Name = "Field.IdeaTerritory")]
    [Required(ErrorMessage = "Validation.Choose")]
    public int? TerritoryId { get; set; }

    [Display(Name = "Field.IdeaTitle")]
    [Required]
    [StringLength(IdeaForm.TitleMax, MinimumLength = 3)]
    public string? Title { get; set; }

    [Display(Name = "Field.IdeaBody")]
    [Required]
    [StringLength(IdeaForm.BodyMax)]
    [DataType(DataType.MultilineText)]
    public string? Body { get; set; }

    [Display(Name = "Field.IdeaKind")]
    public IdeaKind Kind { get; set; } = IdeaKind.Idea;

    [Display(Name = "Field.IdeaAddressee")]
    [Required(ErrorMessage = "Validation.Choose")]
    public IdeaAddressee? AddressedTo { get; set; }

    /// <summary>Only when the participant wished to be named; otherwise "forum participant".</summary>
    [Display(Name = "Field.PaperIdeaAuthor")]
    [StringLength(100)]
    public string? AuthorName { get; set; }

    /// <summary>Checks what needs the forum and the reference data, into <paramref name="state"/> under
    /// "form.X": the forum takes ideas now, the group is the forum's (and given when it has groups),
    /// the place and theme exist.</summary>
    public void Validate(ForumForPaper forum, ReferenceData reference, DateTimeOffset now, ModelStateDictionary state, IStringLocalizer<SharedResource> t)
    {
        if (!forum.CanTakeIdeas(now))
        {
            state.AddModelError("", t["ForumIdeas.NotYet"]);
        }

        if (forum.Groups.Count > 0 && ForumGroupId is null)
        {
            state.AddModelError($"form.{nameof(ForumGroupId)}", t["Validation.Choose", t["Field.ForumGroup"]]);
        }
        else if (ForumGroupId is { } gid && forum.Groups.All(g => g.Id != gid))
        {
            state.AddModelError($"form.{nameof(ForumGroupId)}", t["Ideas.UnknownGroup"]);
        }

        if (TerritoryId is { } tid && !reference.IsPlace(tid))
        {
            state.AddModelError($"form.{nameof(TerritoryId)}", t["Ideas.UnknownTerritory"]);
        }

        if (ThemeId is { } theme && !reference.ThemeById.ContainsKey(theme))
        {
            state.AddModelError($"form.{nameof(ThemeId)}", t["Ideas.UnknownTheme"]);
        }
    }

    /// <summary>The idea as the workflow enters it (a valid form).</summary>
    public PaperIdeaValues ValuesFor(ForumForPaper forum) =>
        new(forum.Id, forum.StartsAt, ForumGroupId, Kind, Title!, Body!, TerritoryId!.Value, ThemeId, AddressedTo!.Value, AuthorName);

    /// <summary>What stays for the next idea (group, theme, place), as the page's query string, so the
    /// page can be reloaded or bookmarked.</summary>
    public string KeptQuery()
    {
        var keep = new List<string>();
        if (ForumGroupId is { } group)
        {
            keep.Add($"group={group}");
        }

        if (ThemeId is { } theme)
        {
            keep.Add($"theme={theme}");
        }

        keep.Add($"territory={TerritoryId}");
        return "?" + string.Join('&', keep);
    }
}
