namespace Kaimini.Web.Domain;

/// <summary>A novads, former novads, pilsēta, pagasts or ciems. Never keyed by name alone: Latvia has
/// two "Salas pagasts"; the natural key is (name, kind, current novads).</summary>
public class Territory
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public TerritoryKind Kind { get; set; }

    /// <summary>The unit this one lies in (a ciems in its pagasts, a pagasts in its novads).</summary>
    public int? ParentId { get; set; }
    public Territory? Parent { get; set; }

    /// <summary>The current (post-2021) novads of a unit inside one; null for a novads or a former novads.</summary>
    public int? NovadsId { get; set; }
    public Territory? Novads { get; set; }

    /// <summary>The novads this unit belonged to before 1 July 2021.</summary>
    public int? FormerNovadsId { get; set; }
    public Territory? FormerNovads { get; set; }

    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }

    /// <summary>Whether the coordinates were confirmed from a public source.</summary>
    public bool LocationConfirmed { get; set; }

    /// <summary>ATVK code (Administratīvo teritoriju un teritoriālo vienību klasifikators), when known.</summary>
    public string? AtvkCode { get; set; }

    public ICollection<Territory> Children { get; } = [];
}
