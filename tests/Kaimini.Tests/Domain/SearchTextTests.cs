using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class SearchTextTests
{
    [Theory]
    [InlineData("Ķekavas pagasts", "kekavas pagasts")]
    [InlineData("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž", "acegiklnsuz acegiklnsuz")]
    [InlineData("  Rīga — Jūrmala!! ", "riga jurmala")]
    [InlineData("Biedrība „Kaimiņi”, 2026.", "biedriba kaimini 2026")]
    [InlineData("e-pasts", "e pasts")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    [InlineData("!?—", "")]
    public void Folding_keeps_lowercase_letters_and_digits_without_diacritics(string? text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Theory]
    [InlineData("sports", "sport")]
    [InlineData("sporta", "sport")]
    [InlineData("biedribas", "biedrib")]
    [InlineData("biedriba", "biedrib")]
    [InlineData("kulturas", "kultur")]
    [InlineData("ugunsdzesejs", "ugunsdzesej")]
    [InlineData("kekavas", "kekav")]
    public void Stemming_drops_a_Latvian_case_ending(string word, string stem) =>
        Assert.Equal(stem, SearchText.Stem(word));

    [Theory]
    [InlineData("riga")]
    [InlineData("kaza")]
    [InlineData("2026a")]
    [InlineData("lv1050s")]
    public void Short_words_and_words_with_digits_are_left_alone(string word) =>
        Assert.Equal(word, SearchText.Stem(word));

    [Theory]
    [InlineData("kokiem", "koki")]
    [InlineData("labajam", "labaj")]
    [InlineData("tautas", "taut")]
    public void A_stem_keeps_at_least_four_letters_so_a_shorter_ending_may_go_instead(string word, string stem) =>
        Assert.Equal(stem, SearchText.Stem(word));

    [Fact]
    public void Any_form_of_a_word_gives_the_same_prefix_query() =>
        Assert.Equal(SearchText.PrefixQuery("Ķekavas kultūras biedrība"), SearchText.PrefixQuery("ķekava KULTŪRA biedrības"));

    [Theory]
    [InlineData("Ķekavas kultūras biedrība", "kekav:* & kultur:* & biedrib:*")]
    [InlineData("sports sporta", "sport:*")]
    [InlineData("a:* | b & !c", "a:* & b:* & c:*")]
    [InlineData("kek'; DROP TABLE communities;--", "kek:* & drop:* & tabl:* & communit:*")]
    public void The_prefix_query_is_letters_and_digits_joined_by_and(string typed, string query) =>
        Assert.Equal(query, SearchText.PrefixQuery(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" -- !!! ")]
    public void Nothing_searchable_gives_no_query(string? typed) =>
        Assert.Null(SearchText.PrefixQuery(typed));

    [Fact]
    public void The_prefix_query_takes_at_most_eight_words_of_forty_letters()
    {
        var query = SearchText.PrefixQuery("viens divi tris cetri pieci sesi septini astoni devini desmit " + new string('z', 60))!;

        Assert.Equal(8, query.Split(" & ").Length);
        Assert.DoesNotContain("devin", query);
        Assert.Equal(new string('z', 40) + ":*", SearchText.PrefixQuery(new string('z', 60)));
    }
}
