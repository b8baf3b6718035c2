using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.News;

public class NewsForm
{
    [Display(Name = "Field.NewsTitle")]
    [Required]
    [StringLength(NewsItem.TitleLength)]
    public string? Title { get; set; }

    [Display(Name = "Field.NewsBody")]
    [Required]
    [StringLength(NewsItem.BodyLength)]
    [DataType(DataType.MultilineText)]
    public string? Body { get; set; }

    [Display(Name = "Field.NewsLink")]
    [StringLength(NewsItem.LinkLength)]
    public string? Link { get; set; }

    public static NewsForm From(NewsItem item) => new() { Title = item.Title, Body = item.Body, Link = item.Link };
}
