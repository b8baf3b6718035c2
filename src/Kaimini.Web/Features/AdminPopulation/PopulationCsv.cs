using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.AdminPopulation;

/// <summary>A territory as the import may name it: by ATVK code or by slug.</summary>
public sealed record PopulationUnit(int Id, string Slug, string? AtvkCode, string Name, TerritoryKind Kind);

/// <summary>One good line of the file.</summary>
public sealed record PopulationLine(int Line, int TerritoryId, int Year, int Population, string Source);

/// <summary>What is wrong with one line: a resource key whose first argument is the line number.</summary>
public sealed record PopulationLineError(int Line, string Key, params object[] Args);

/// <summary>Reads a population file: a header naming the columns territory (ATVK code or slug), year,
/// population and source (or their Latvian names), separated by commas, semicolons or tabs, UTF-8.
/// Every line is checked and every failed one reported by its line number in the file (the header is
/// line 1), so the administrator fixes them all at once; the caller imports nothing unless there are
/// none.</summary>
public static class PopulationCsv
{
    public const int MaxLines = 20_000;
    public const int MinYear = 2000;
    public const int SourceLength = 200;

    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["territory"] = ["territory", "teritorija"],
        ["year"] = ["year", "gads"],
        ["population"] = ["population", "iedzīvotāji", "iedzivotaji"],
        ["source"] = ["source", "avots"],
    };

    public static (List<PopulationLine> Lines, List<PopulationLineError> Errors) Parse(TextReader reader,
        IReadOnlyCollection<PopulationUnit> units, int maxYear)
    {
        var lines = new List<PopulationLine>();
        var errors = new List<PopulationLineError>();
        var bySlug = units.ToDictionary(u => u.Slug, StringComparer.OrdinalIgnoreCase);
        var byCode = units.Where(u => !string.IsNullOrEmpty(u.AtvkCode)).ToDictionary(u => u.AtvkCode!, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<(int, int), int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            errors.Add(new PopulationLineError(1, "AdminPopulation.Error.Header", 1));
            return (lines, errors);
        }

        var index = Columns.ToDictionary(c => c.Key, c => Array.FindIndex(header, h => c.Value.Contains(h.Trim().ToLowerInvariant())));
        if (index.Values.Any(i => i < 0))
        {
            errors.Add(new PopulationLineError(1, "AdminPopulation.Error.Header", 1));
            return (lines, errors);
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            if (line > MaxLines + 1)
            {
                errors.Add(new PopulationLineError(line, "AdminPopulation.Error.TooManyLines", line, MaxLines));
                break;
            }

            string Field(string column) => csv.TryGetField<string>(index[column], out var value) ? value?.Trim() ?? "" : "";
            var before = errors.Count;
            var name = Field("territory");
            var unit = byCode.GetValueOrDefault(name) ?? bySlug.GetValueOrDefault(name);
            if (unit is null)
            {
                errors.Add(new PopulationLineError(line, "AdminPopulation.Error.Territory", line, name));
            }
            else if (unit.Kind is not (TerritoryKind.Pilseta or TerritoryKind.Pagasts))
            {
                errors.Add(new PopulationLineError(line, "AdminPopulation.Error.Level", line, unit.Name));
            }

            var yearText = Field("year");
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < MinYear || year > maxYear)
            {
                errors.Add(new PopulationLineError(line, "AdminPopulation.Error.Year", line, yearText, MinYear, maxYear));
            }

            // Thousands may be grouped with spaces, as Latvian spreadsheets write them ("12 345").
            var populationText = Field("population");
            if (!int.TryParse(populationText.Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", ""), NumberStyles.None,
                    CultureInfo.InvariantCulture, out var population) || population <= 0)
            {
                errors.Add(new PopulationLineError(line, "AdminPopulation.Error.Population", line, populationText));
            }

            var source = Field("source");
            if (source.Length is 0 or > SourceLength)
            {
                errors.Add(new PopulationLineError(line, "AdminPopulation.Error.Source", line, SourceLength));
            }

            if (errors.Count > before)
            {
                continue;
            }

            if (seen.TryGetValue((unit!.Id, year), out var first))
            {
                errors.Add(new PopulationLineError(line, "AdminPopulation.Error.Duplicate", line, unit.Name, year, first));
                continue;
            }

            seen[(unit.Id, year)] = line;
            lines.Add(new PopulationLine(line, unit.Id, year, population, source));
        }

        if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add(new PopulationLineError(1, "AdminPopulation.Error.Empty", 1));
        }

        return (lines, errors);
    }
}
