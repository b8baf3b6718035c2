using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class CommunityRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static Community NewCommunity(CommunityStatus status = CommunityStatus.Pending) => new()
    {
        Slug = "kaimini",
        Name = "Kaimiņi",
        ShortDescription = "Biedrība",
        Status = status,
    };

    [Fact]
    public void Approving_publishes_verifies_and_dates_the_first_publication()
    {
        var community = NewCommunity();

        community.Approve(verify: true, Now);

        Assert.Equal(CommunityStatus.Published, community.Status);
        Assert.True(community.Verified);
        Assert.Equal(Now, community.PublishedAt);
        Assert.Equal(Now, community.UpdatedAt);
    }

    [Fact]
    public void Approving_a_rejected_community_clears_the_reason_and_keeps_the_first_publication_date()
    {
        var first = Now.AddYears(-1);
        var community = NewCommunity(CommunityStatus.Rejected);
        community.RejectionReason = "Nav reģistrācijas numura";
        community.PublishedAt = first;
        community.Verified = true;

        community.Approve(verify: false, Now);

        Assert.Equal(CommunityStatus.Published, community.Status);
        Assert.Null(community.RejectionReason);
        Assert.Equal(first, community.PublishedAt);
        Assert.True(community.Verified);
    }

    [Fact]
    public void Approving_without_verifying_leaves_it_unverified()
    {
        var community = NewCommunity();

        community.Approve(verify: false, Now);

        Assert.False(community.Verified);
    }

    [Fact]
    public void Rejecting_keeps_the_trimmed_reason()
    {
        var community = NewCommunity();

        community.Reject("  Dublikāts  ", Now);

        Assert.Equal(CommunityStatus.Rejected, community.Status);
        Assert.Equal("Dublikāts", community.RejectionReason);
        Assert.Equal(Now, community.UpdatedAt);
    }

    [Fact]
    public void Rejecting_needs_a_reason()
    {
        var community = NewCommunity();

        Assert.Throws<ArgumentException>(() => community.Reject(" ", Now));
        Assert.Equal(CommunityStatus.Pending, community.Status);
    }
}
