using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kaimini.Tests.Localization;

public class PluralTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Theory]
    [InlineData(0, PluralCategory.Zero)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(10, PluralCategory.Zero)]
    [InlineData(11, PluralCategory.Zero)]
    [InlineData(19, PluralCategory.Zero)]
    [InlineData(21, PluralCategory.One)]
    [InlineData(101, PluralCategory.One)]
    [InlineData(111, PluralCategory.Zero)]
    [InlineData(140, PluralCategory.Zero)]
    [InlineData(163, PluralCategory.Other)]
    public void Latvian_categories_follow_CLDR(int n, PluralCategory expected) =>
        Assert.Equal(expected, Plural.Category(n, "lv"));

    [Theory]
    [InlineData(1, PluralCategory.One)]
    [InlineData(0, PluralCategory.Other)]
    [InlineData(21, PluralCategory.Other)]
    public void English_has_one_and_other(int n, PluralCategory expected) =>
        Assert.Equal(expected, Plural.Category(n, "en"));

    [Theory]
    [InlineData("lv", 0, "Nav nevienas teritoriālās vienības")]
    [InlineData("lv", 1, "1 teritoriālā vienība")]
    [InlineData("lv", 2, "2 teritoriālās vienības")]
    [InlineData("lv", 10, "10 teritoriālās vienības")]
    [InlineData("lv", 11, "11 teritoriālās vienības")]
    [InlineData("lv", 21, "21 teritoriālā vienība")]
    [InlineData("lv", 111, "111 teritoriālās vienības")]
    [InlineData("en", 0, "No territorial units")]
    [InlineData("en", 1, "1 territorial unit")]
    [InlineData("en", 21, "21 territorial units")]
    public void Counts_read_right_in_both_languages(string culture, int n, string expected)
    {
        var t = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, t.Count("Territory.UnitCount", n).Value);
    }

    [Theory]
    [InlineData("lv", "Parolē jābūt vismaz 12 rakstzīmēm.")]
    [InlineData("en", "The password must be at least 12 characters long.")]
    public void Identity_errors_are_translated(string culture, string expected)
    {
        using var scope = app.Services.CreateScope();
        var describer = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IdentityErrorDescriber>();
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, describer.PasswordTooShort(12).Description);
        Assert.DoesNotContain("Identity.", describer.DuplicateEmail("a@b.lv").Description);
    }
}
