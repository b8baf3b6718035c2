namespace Kaimini.Web.Domain;

public enum InvitationPurpose
{
    /// <summary>Join the portal with a role (organiser, municipality staff …).</summary>
    PortalRole = 1,

    /// <summary>Become a co-leader of a community.</summary>
    CommunityCoLeader = 2,

    /// <summary>Attend an event.</summary>
    Event = 3,
}

public enum InvitationStatus
{
    Sent = 1,
    Accepted = 2,
    Revoked = 3,
    Expired = 4,
}

/// <summary>An invitation sent by e-mail. Only the SHA-256 hash of its single-use token is stored.</summary>
public class Invitation
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public InvitationPurpose Purpose { get; set; }

    /// <summary>For <see cref="InvitationPurpose.PortalRole"/>: the role granted on acceptance.</summary>
    public string? Role { get; set; }

    /// <summary>The community or event the invitation is for, when the purpose has one.</summary>
    public string? TargetId { get; set; }

    /// <summary>Null once the sender deleted their account.</summary>
    public string? InvitedById { get; set; }
    public AppUser? InvitedBy { get; set; }

    public required string TokenHash { get; set; }
    public string Culture { get; set; } = "lv";
    public InvitationStatus Status { get; set; } = InvitationStatus.Sent;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedById { get; set; }
    public Guid? BatchId { get; set; }

    /// <summary>Expiry is a matter of time, not of a job that flips the stored status.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) =>
        Status == InvitationStatus.Sent && now >= ExpiresAt ? InvitationStatus.Expired : Status;

    public bool CanBeAcceptedAt(DateTimeOffset now) => StatusAt(now) == InvitationStatus.Sent;
}
