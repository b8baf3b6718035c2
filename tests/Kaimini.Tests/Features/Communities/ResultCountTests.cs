using Kaimini.Tests.Infrastructure;

namespace Kaimini.Tests.Features.Communities;

/// <summary>Its own database: the communities it adds would change the other directory tests' lists.</summary>
public class ResultCountTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Theory]
    [InlineData("lv", 1, "1 kopiena")]
    [InlineData("lv", 2, "2 kopienas")]
    [InlineData("lv", 10, "10 kopienas")]
    [InlineData("lv", 11, "11 kopienas")]
    [InlineData("lv", 21, "21 kopiena")]
    [InlineData("en", 1, "1 community")]
    [InlineData("en", 21, "21 communities")]
    public async Task The_result_count_has_the_right_plural(string culture, int count, string expected)
    {
        var tag = $"pl{culture}{count}x";
        for (var i = 0; i < count; i++)
        {
            await TestCommunities.CreateAsync(app, $"Skaitīšanas kopa {tag} {i}", "olaine");
        }

        using var client = app.CreatePageClient(culture);
        var page = await client.GetAsync($"/communities?q={tag}");

        Assert.Equal(expected, page.QuerySelector("#results-heading")!.TextContent);
    }
}
