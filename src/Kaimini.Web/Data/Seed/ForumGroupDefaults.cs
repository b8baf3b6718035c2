using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;

namespace Kaimini.Web.Data.Seed;

/// <summary>The five thematic groups a new forum starts with, from forum-groups.csv beside this class.</summary>
public static class ForumGroupDefaults
{
    private static readonly Lazy<IReadOnlyList<(string NameLv, string NameEn)>> Groups = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "forum-groups.csv"));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        return csv.GetRecords<Row>().OrderBy(r => r.Order).Select(r => (r.NameLv, r.NameEn)).ToList();
    });

    public static IReadOnlyList<(string NameLv, string NameEn)> All => Groups.Value;

    private sealed class Row
    {
        [Name("order")] public int Order { get; set; }
        [Name("name_lv")] public string NameLv { get; set; } = "";
        [Name("name_en")] public string NameEn { get; set; } = "";
    }
}
