namespace Kaimini.Web.Domain;

/// <summary>How many people lived in a town or parish in a year, as an administrator imported it (the
/// base of the reports' per-1,000 figures). One row per unit and year; importing a year again replaces
/// that year's rows.</summary>
public class PopulationFigure
{
    /// <summary>The source the demo data writes: figures invented for the demonstration, which the
    /// report labels as illustrative.</summary>
    public const string IllustrativeSource = "ilustratīvi dati";

    /// <summary>A pilsēta or pagasts: novadi and former novadi are the sums of theirs.</summary>
    public int TerritoryId { get; set; }

    public int Year { get; set; }
    public int Population { get; set; }

    /// <summary>Where the figure comes from, as the file said (e.g. "CSP, IRS030").</summary>
    public required string Source { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>The administrator who imported it; null once the account is deleted.</summary>
    public string? ImportedById { get; set; }

    public bool Illustrative => IsIllustrative(Source);

    public static bool IsIllustrative(string source) => string.Equals(source.Trim(), IllustrativeSource, StringComparison.OrdinalIgnoreCase);
}
