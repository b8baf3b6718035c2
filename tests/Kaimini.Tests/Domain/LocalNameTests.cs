using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Tests.Domain;

public class LocalNameTests
{
    [Theory]
    [InlineData("en", "Culture")]
    [InlineData("lv", "Kultūra")]
    [InlineData("ru", "Kultūra")]
    [InlineData("", "Kultūra")]
    public void A_name_in_both_languages_is_English_only_in_the_English_interface(string culture, string expected)
    {
        var theme = new Theme { Slug = "kultura", NameLv = "Kultūra", NameEn = "Culture" };
        var group = new ForumGroup { NameLv = "Kultūra", NameEn = "Culture" };
        var cached = new ThemeInfo(1, "kultura", "Kultūra", "Culture");

        Assert.Equal(expected, theme.NameFor(culture));
        Assert.Equal(expected, group.NameFor(culture));
        Assert.Equal(expected, cached.Name(culture));
        Assert.Equal(expected, LocalName.For(culture, "Kultūra", "Culture"));
    }

    [Theory]
    [InlineData("en", "Riga forum", "Riga forum")]
    [InlineData("en", null, "Rīgas forums")]
    [InlineData("en", "  ", "Rīgas forums")]
    [InlineData("lv", "Riga forum", "Rīgas forums")]
    public void An_optional_English_text_falls_back_to_the_Latvian_one(string culture, string? en, string expected) =>
        Assert.Equal(expected, LocalName.TextFor(culture, "Rīgas forums", en));

    [Fact]
    public void The_interface_s_English_culture_is_the_one_the_rule_knows() =>
        Assert.Equal(LocalName.English, Cultures.English);
}
