using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>A community's offer or request, new or edited.</summary>
public class CooperationPostForm
{
    [Display(Name = "Cooperation.Community")]
    [Required(ErrorMessage = "Validation.Choose")]
    public int? CommunityId { get; set; }

    [Display(Name = "Cooperation.Direction")]
    [Required(ErrorMessage = "Validation.Choose")]
    public CooperationDirection? Direction { get; set; }

    [Display(Name = "Cooperation.Kind")]
    [Required(ErrorMessage = "Validation.Choose")]
    public CooperationKind? Kind { get; set; }

    [Display(Name = "Cooperation.Theme")]
    public int? ThemeId { get; set; }

    /// <summary>Empty: the community's own.</summary>
    [Display(Name = "Cooperation.Territory")]
    public int? TerritoryId { get; set; }

    [Display(Name = "Cooperation.PostTitle")]
    [Required]
    [StringLength(CooperationPost.TitleMax, MinimumLength = 5)]
    public string? Title { get; set; }

    [Display(Name = "Cooperation.Body")]
    [Required]
    [StringLength(CooperationPost.BodyMax, MinimumLength = 20)]
    [DataType(DataType.MultilineText)]
    public string? Body { get; set; }

    [Display(Name = "Cooperation.ValidUntil")]
    [Required]
    public DateOnly? ValidUntil { get; set; }

    public static CooperationPostForm From(CooperationPost p) => new()
    {
        CommunityId = p.CommunityId,
        Direction = p.Direction,
        Kind = p.Kind,
        ThemeId = p.ThemeId,
        TerritoryId = p.TerritoryId,
        Title = p.Title,
        Body = p.Body,
        ValidUntil = p.ValidUntil,
    };
}
