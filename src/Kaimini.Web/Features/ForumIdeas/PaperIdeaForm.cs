using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;

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
}
