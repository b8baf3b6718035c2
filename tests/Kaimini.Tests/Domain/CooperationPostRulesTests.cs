using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class CooperationPostRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 3, 1);

    private static CooperationPost NewPost(DateOnly? validUntil = null) => new()
    {
        CommunityId = 7,
        Title = "Meklējam brīvprātīgos",
        Body = "Talkai vajag rokas",
        Direction = CooperationDirection.Request,
        Kind = CooperationKind.Volunteers,
        ValidUntil = validUntil ?? Today.AddDays(10),
    };

    [Fact]
    public void A_new_post_is_open_until_the_end_of_its_last_day()
    {
        var post = NewPost(Today);

        Assert.True(post.IsOpen(Today));
        Assert.False(post.IsOpen(Today.AddDays(1)));
    }

    [Fact]
    public void The_query_rule_agrees_with_the_entity_rule()
    {
        var open = CooperationPost.OpenOn(Today).Compile();
        var expired = NewPost(Today.AddDays(-1));
        var current = NewPost(Today);
        var closed = NewPost();
        closed.Close(Now);

        Assert.Equal(expired.IsOpen(Today), open(expired));
        Assert.Equal(current.IsOpen(Today), open(current));
        Assert.Equal(closed.IsOpen(Today), open(closed));
        Assert.True(open(current));
        Assert.False(open(expired));
        Assert.False(open(closed));
    }

    [Fact]
    public void Matching_with_another_community_records_it_and_ends_the_listing()
    {
        var post = NewPost();

        post.Match(9, Now);

        Assert.Equal(CooperationStatus.Matched, post.Status);
        Assert.Equal(9, post.MatchedCommunityId);
        Assert.Equal(Now, post.MatchedAt);
        Assert.False(post.IsOpen(Today));
    }

    [Fact]
    public void Matching_without_naming_a_community_is_allowed()
    {
        var post = NewPost();

        post.Match(null, Now);

        Assert.Equal(CooperationStatus.Matched, post.Status);
        Assert.Null(post.MatchedCommunityId);
    }

    [Fact]
    public void A_post_cannot_match_its_own_community()
    {
        var post = NewPost();

        Assert.Throws<InvalidOperationException>(() => post.Match(post.CommunityId, Now));
        Assert.Equal(CooperationStatus.Open, post.Status);
    }

    [Fact]
    public void An_expired_post_may_still_be_marked_matched()
    {
        var post = NewPost(Today.AddDays(-5));

        post.Match(9, Now);

        Assert.Equal(CooperationStatus.Matched, post.Status);
    }

    [Fact]
    public void A_matched_or_closed_post_cannot_change_again()
    {
        var matched = NewPost();
        matched.Match(null, Now);
        var closed = NewPost();
        closed.Close(Now);

        Assert.False(matched.CanBeChanged);
        Assert.False(closed.CanBeChanged);
        Assert.Throws<InvalidOperationException>(() => matched.Close(Now));
        Assert.Throws<InvalidOperationException>(() => closed.Match(9, Now));
        Assert.Equal(Now, closed.ClosedAt);
    }

    [Fact]
    public void Hiding_needs_a_reason_and_takes_the_post_from_the_public()
    {
        var post = NewPost();

        Assert.Throws<ArgumentException>(() => post.Hide("  ", Now));
        post.Hide("  Reklāma  ", Now);

        Assert.Equal(CooperationStatus.Hidden, post.Status);
        Assert.Equal("Reklāma", post.HiddenReason);
        Assert.False(post.IsPublic);
        Assert.False(post.IsOpen(Today));
        Assert.Throws<InvalidOperationException>(() => post.Hide("vēlreiz", Now));
    }

    [Fact]
    public void Valid_until_must_be_after_today_and_within_a_year()
    {
        Assert.Equal(Today.AddDays(60), CooperationPost.DefaultValidUntil(Today));
        Assert.Null(CooperationPost.CheckValidUntil(Today.AddDays(1), Today));
        Assert.Null(CooperationPost.CheckValidUntil(Today.AddDays(365), Today));
        Assert.Equal("Cooperation.ValidUntilPast", CooperationPost.CheckValidUntil(Today, Today));
        Assert.Equal("Cooperation.ValidUntilPast", CooperationPost.CheckValidUntil(Today.AddDays(-1), Today));
        Assert.Equal("Cooperation.ValidUntilTooFar", CooperationPost.CheckValidUntil(Today.AddDays(366), Today));
    }

    [Fact]
    public void The_search_document_is_folded_without_diacritics()
    {
        var doc = CooperationPost.SearchDocumentFor("Ķekavas telpa", "Zāle 40 cilvēkiem", ["Ķekavas pagasts"]);

        Assert.Equal("kekavas telpa zale 40 cilvekiem kekavas pagasts", doc);
    }
}
