using Kaimini.Web.Domain;
using Kaimini.Web.Features.AdminPopulation;

namespace Kaimini.Tests.Features.AdminPopulation;

/// <summary>The population file's reader on its own: separators, headers, numbers and line numbers.</summary>
public class PopulationCsvTests
{
    private static readonly PopulationUnit[] Units =
    [
        new(1, "olaine", "0809201", "Olaine", TerritoryKind.Pilseta),
        new(2, "olaines-pagasts", null, "Olaines pagasts", TerritoryKind.Pagasts),
        new(3, "olaines-novads", null, "Olaines novads", TerritoryKind.Novads),
        new(4, "jaunolaine", null, "Jaunolaine", TerritoryKind.Ciems),
    ];

    private static (List<PopulationLine> Lines, List<PopulationLineError> Errors) Parse(string text) =>
        PopulationCsv.Parse(new StringReader(text), Units, 2030);

    [Theory]
    [InlineData("territory,year,population,source\nolaine,2025,10500,\"CSP, IRS030\"\n")]
    [InlineData("Territory;Year;Population;Source\r\nolaine;2025;10 500;CSP, IRS030\r\n")]
    [InlineData("source\tpopulation\tyear\tterritory\nCSP, IRS030\t10500\t2025\tOLAINE\n")]
    [InlineData("teritorija;gads;iedzīvotāji;avots\n0809201;2025;10\u00a0500;CSP, IRS030\n")]
    public void Commas_semicolons_tabs_latvian_headers_codes_and_grouped_thousands_are_read(string text)
    {
        var (lines, errors) = Parse(text);

        Assert.Empty(errors);
        Assert.Equal(new PopulationLine(2, 1, 2025, 10500, "CSP, IRS030"), Assert.Single(lines));
    }

    [Fact]
    public void Line_numbers_count_the_header_and_blank_lines_and_villages_and_novadi_are_refused()
    {
        var (lines, errors) = Parse("territory;year;population;source\n\nolaine;2025;1;CSP\njaunolaine;2025;5;CSP\nolaines-pagasts;2031;5;CSP\n");

        Assert.Single(lines);
        Assert.Equal([(4, "AdminPopulation.Error.Level"), (5, "AdminPopulation.Error.Year")], errors.Select(e => (e.Line, e.Key)));
    }

    [Fact]
    public void A_file_with_only_a_header_is_an_error()
    {
        Assert.Equal("AdminPopulation.Error.Empty", Assert.Single(Parse("territory;year;population;source\n").Errors).Key);
        Assert.Equal("AdminPopulation.Error.Header", Assert.Single(Parse("").Errors).Key);
    }
}
