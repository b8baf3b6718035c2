using System.Xml.Linq;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Reports;

namespace Kaimini.Tests.Features.Reports;

/// <summary>Every indicator in the registry has a name, a definition and its territory basis in both
/// languages, and is listed in the docs.</summary>
public class IndicatorRegistryTests
{
    private static HashSet<string> Keys(string culture) =>
        XDocument.Load(Path.Combine(RepositoryFiles.WebProject, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public void Every_indicator_has_its_texts(string culture)
    {
        var keys = Keys(culture);
        var missing = Indicators.All.SelectMany(i => new[] { i.NameKey, i.DefinitionKey, i.BasisKey, $"Reports.Aim.{i.Aim}" })
            .Concat(Enum.GetNames<ParticipantClass>().Select(p => $"Reports.Participant.{p}"))
            .Concat(Enum.GetNames<PeriodKind>().Select(p => $"Reports.Period.{p}"))
            .Concat(Enum.GetNames<TerritoryBasis>().Select(b => $"Reports.Basis.{b}"))
            // The unit column of the exports (ReportSheet.Unit).
            .Concat(Indicators.All.Where(i => i.Measure == MeasureKind.Count).Select(i => $"Reports.Unit.{i.Unit}").Append("Reports.Unit.Days").Append("Reports.Unit.PerThousand"))
            .Where(k => !keys.Contains(k)).ToList();

        Assert.Empty(missing);
        Assert.Equal(Indicators.All.Count, Indicators.All.Select(i => i.Key).Distinct().Count());
    }

    [Fact]
    public void Every_indicator_is_listed_in_the_architecture_notes()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "architecture.md"));

        Assert.Empty(Indicators.All.Where(i => !docs.Contains($"`{i.Key}`")).Select(i => i.Key));
    }
}
