using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class InvitationExpiryTests
{
    private static readonly DateTimeOffset Expires = new(2027, 6, 1, 21, 0, 0, TimeSpan.Zero);

    private static Invitation NewInvitation(InvitationStatus status = InvitationStatus.Sent) => new()
    {
        Email = "janis@example.lv",
        TokenHash = "hash",
        Status = status,
        ExpiresAt = Expires,
    };

    [Fact]
    public void A_sent_invitation_expires_at_its_expiry_time()
    {
        var invitation = NewInvitation();

        Assert.False(invitation.IsExpired(Expires.AddTicks(-1)));
        Assert.True(invitation.IsExpired(Expires));
        Assert.Equal(InvitationStatus.Sent, invitation.StatusAt(Expires.AddTicks(-1)));
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(Expires));
        Assert.True(invitation.CanBeAcceptedAt(Expires.AddTicks(-1)));
        Assert.False(invitation.CanBeAcceptedAt(Expires));
    }

    [Theory]
    [InlineData(InvitationStatus.Accepted)]
    [InlineData(InvitationStatus.Revoked)]
    public void An_accepted_or_revoked_invitation_keeps_its_status_after_the_expiry_time(InvitationStatus status)
    {
        var invitation = NewInvitation(status);

        Assert.False(invitation.IsExpired(Expires.AddDays(1)));
        Assert.Equal(status, invitation.StatusAt(Expires.AddDays(1)));
        Assert.False(invitation.CanBeAcceptedAt(Expires.AddDays(-1)));
    }

    [Fact]
    public void The_status_of_a_row_read_as_columns_follows_the_same_rule() =>
        Assert.Equal(InvitationStatus.Expired, Invitation.StatusAt(InvitationStatus.Sent, Expires, Expires.AddMinutes(1)));

    [Theory]
    [InlineData(InvitationStatus.Sent, -1, true)]
    [InlineData(InvitationStatus.Sent, 0, false)]
    [InlineData(InvitationStatus.Accepted, -1, false)]
    [InlineData(InvitationStatus.Revoked, -1, false)]
    public void The_query_s_open_invitations_are_those_that_can_be_accepted(InvitationStatus status, int secondsFromExpiry, bool open)
    {
        var invitation = NewInvitation(status);
        var now = Expires.AddSeconds(secondsFromExpiry);

        Assert.Equal(open, Invitation.OpenAt(now).Compile()(invitation));
        Assert.Equal(open, invitation.CanBeAcceptedAt(now));
    }
}
