using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Ideas;

/// <summary>A new idea or need. Name and e-mail are asked only from people without an account.</summary>
public class IdeaForm
{
    public const int TitleMax = 200;
    public const int BodyMax = 5000;

    [Display(Name = "Field.IdeaKind")]
    public IdeaKind Kind { get; set; } = IdeaKind.Idea;

    [Display(Name = "Field.IdeaTitle")]
    [Required]
    [StringLength(TitleMax, MinimumLength = 5)]
    public string? Title { get; set; }

    [Display(Name = "Field.IdeaBody")]
    [Required]
    [StringLength(BodyMax, MinimumLength = 20)]
    [DataType(DataType.MultilineText)]
    public string? Body { get; set; }

    [Display(Name = "Field.IdeaForumGroup")]
    public int? ForumGroupId { get; set; }

    [Display(Name = "Field.IdeaTerritory")]
    [Required(ErrorMessage = "Validation.Choose")]
    public int? TerritoryId { get; set; }

    [Display(Name = "Field.IdeaTheme")]
    public int? ThemeId { get; set; }

    [Display(Name = "Field.IdeaAddressee")]
    [Required(ErrorMessage = "Validation.Choose")]
    public IdeaAddressee? AddressedTo { get; set; }

    [Display(Name = "Field.IdeaAuthorName")]
    [Required]
    [StringLength(100)]
    public string? Name { get; set; }

    /// <summary>Only for people without an account; an account's own address is used otherwise.</summary>
    [Display(Name = "Field.Email")]
    [EmailAddress]
    [StringLength(254)]
    public string? Email { get; set; }

    /// <summary>A honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }
}
