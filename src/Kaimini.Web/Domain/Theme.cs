namespace Kaimini.Web.Domain;

/// <summary>A theme for communities, ideas and reports.</summary>
public class Theme : ILocalName
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameLv { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
}
