using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kaimini.Tests.Localization;

public class QuotesTests
{
    private static readonly IStringLocalizer T = new QuoteAwareStringLocalizerFactory(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance))
        .Create(typeof(SharedResource));

    [Theory]
    [InlineData("lv", "Zaļā sēta", "Rakstīt kopienai „Zaļā sēta”")]
    [InlineData("lv", "Biedrība „Zaļā sēta”", "Rakstīt kopienai Biedrība „Zaļā sēta”")]
    [InlineData("lv", "Biedrība \"Zaļā sēta\"", "Rakstīt kopienai Biedrība \"Zaļā sēta\"")]
    [InlineData("en", "Zaļā sēta", "Write to “Zaļā sēta”")]
    [InlineData("en", "Biedrība „Zaļā sēta”", "Write to Biedrība „Zaļā sēta”")]
    public void A_name_is_quoted_once(string culture, string name, string expected)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal(expected, T["Contact.Heading", name].Value);
    }

    [Theory]
    [InlineData("Talka", "Diemžēl pasākums „Talka” (")]
    [InlineData("Forums „Olaine 2027”", "Diemžēl pasākums Forums „Olaine 2027” (")]
    public void A_named_value_in_an_e_mail_is_quoted_once(string title, string expected)
    {
        using var _ = new CultureScope("lv");
        var values = new (string, object?)[] { ("title", title), ("starts", TimeProvider.System.GetUtcNow().AddDays(30)) };

        Assert.StartsWith(expected, T.Text("Email.Event.Cancelled.Body", values));
        using var html = new StringWriter();
        T.Html("Email.Event.Cancelled.Body", values).WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        Assert.StartsWith(expected, html.ToString());
    }

    [Fact]
    public void Only_the_placeholder_whose_argument_has_quotes_loses_its_pair()
    {
        const string format = "„{0}” ({1:dd.MM.yyyy}) un „{2}”";

        var unnested = Quotes.Unnest(format, ["Forums „Olaine”", DateTime.UnixEpoch, "Talka"]);

        Assert.Equal("{0} ({1:dd.MM.yyyy}) un „{2}”", unnested);
    }

    [Theory]
    [InlineData("lv", "Sēta", "„Sēta”")]
    [InlineData("en", "Sēta", "“Sēta”")]
    [InlineData("lv", "Klubs „Sarma”", "Klubs „Sarma”")]
    public void Wrap_follows_the_same_rule(string culture, string name, string expected)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal(expected, Quotes.Wrap(name));
    }

    [Fact]
    public void Every_message_that_quotes_a_placeholder_uses_the_rule()
    {
        // Each resource that puts a placeholder in quotation marks, given an argument with its own,
        // must not come out with two pairs nested.
        foreach (var culture in Cultures.All)
        {
            using var _ = new CultureScope(culture);
            foreach (var s in T.GetAllStrings(includeParentCultures: false).Where(s => s.Value.Contains("„{") || s.Value.Contains("“{")))
            {
                var args = Enumerable.Range(0, 6).Select(_ => (object)"Klubs „Sarma”").ToArray();
                string value;
                try
                {
                    value = T[s.Name, args].Value;
                }
                catch (FormatException)
                {
                    continue; // a placeholder with a number or date format; its quoted name is covered above
                }

                Assert.DoesNotContain("„Klubs „", value);
                Assert.DoesNotContain("“Klubs „", value);
            }
        }
    }
}
