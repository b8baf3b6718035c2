using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

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

    /// <summary>Checks what needs the reference data, the forum and the account, into
    /// <paramref name="state"/> under "form.X": the place and theme exist, a group belongs to a forum
    /// that takes ideas (<paramref name="forum"/>, found by the group), and someone without an account
    /// gives an address.</summary>
    public void Validate(ReferenceData reference, ForumOption? forum, bool signedIn, ModelStateDictionary state, IStringLocalizer<SharedResource> t)
    {
        if (TerritoryId is { } tid && !reference.IsPlace(tid))
        {
            state.AddModelError($"form.{nameof(TerritoryId)}", t["Ideas.UnknownTerritory"]);
        }

        if (ThemeId is { } theme && !reference.ThemeById.ContainsKey(theme))
        {
            state.AddModelError($"form.{nameof(ThemeId)}", t["Ideas.UnknownTheme"]);
        }

        if (ForumGroupId is not null && forum is null)
        {
            state.AddModelError($"form.{nameof(ForumGroupId)}", t["Ideas.UnknownGroup"]);
        }

        if (!signedIn && string.IsNullOrWhiteSpace(Email))
        {
            state.AddModelError($"form.{nameof(Email)}", t["Validation.Required", t["Field.Email"]]);
        }
    }

    /// <summary>The idea as the workflow submits it (a valid form): an account's own address and name
    /// confirmation stand in for the form's address.</summary>
    public IdeaValues ValuesFor(ForumOption? forum, AppUser? user) =>
        new(Kind, Title!, Body!, TerritoryId!.Value, ThemeId, forum?.Id, forum is null ? null : ForumGroupId, AddressedTo!.Value, Name!,
            user?.Email ?? Email!, user?.Id, user?.EmailConfirmed == true);
}
