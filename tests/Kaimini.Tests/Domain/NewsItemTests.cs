using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class NewsItemTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(56);

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("https://kaimini.lv/zinas", true)]
    [InlineData("http://kaimini.lv", true)]
    [InlineData("kaimini.lv/zinas", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://kaimini.lv/fails", false)]
    [InlineData("mailto:info@kaimini.lv", false)]
    [InlineData("https://localhost", false)]
    [InlineData("https://banka.lv@example.com", false)]
    public void A_link_is_an_http_or_https_address(string? link, bool acceptable) =>
        Assert.Equal(acceptable, NewsItem.IsAcceptableLink(link));

    [Fact]
    public void Publishing_trims_the_texts_and_normalises_the_link()
    {
        var item = NewsItem.Publish(7, "  Talka sestdien  ", " Nāciet! ", "kaimini.lv/talka", Now);

        Assert.Equal(("Talka sestdien", "Nāciet!", "https://kaimini.lv/talka", Now, Now), (item.Title, item.Body, item.Link, item.PublishedAt, item.UpdatedAt));
    }

    [Fact]
    public void Editing_keeps_the_publication_time_and_refuses_a_bad_link()
    {
        var item = NewsItem.Publish(7, "Talka", "Nāciet!", null, Now);

        item.Edit("Talka pārcelta", "Uz svētdienu.", null, Now.AddHours(2));

        Assert.Equal((Now, Now.AddHours(2), "Talka pārcelta"), (item.PublishedAt, item.UpdatedAt, item.Title));
        Assert.Throws<ArgumentException>(() => item.Edit("Talka", "Teksts", "javascript:alert(1)", Now));
        Assert.Throws<ArgumentException>(() => item.Edit(" ", "Teksts", null, Now));
        Assert.Throws<ArgumentException>(() => item.Edit("Talka", new string('a', NewsItem.BodyLength + 1), null, Now));
        Assert.Equal("Talka pārcelta", item.Title);
    }

    [Fact]
    public void A_follow_has_exactly_one_target()
    {
        var follow = Follow.Of("user", FollowKind.Territory, 12, Now);

        Assert.Equal((FollowKind.Territory, 12, null, 12, null), (follow.Kind, follow.TargetId, follow.CommunityId, follow.TerritoryId, follow.ThemeId));
    }
}
