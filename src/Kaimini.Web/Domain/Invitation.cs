using System.Linq.Expressions;

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

    /// <summary>Expiry is a matter of time, not of a job that flips the stored status: a sent
    /// invitation has expired from <see cref="ExpiresAt"/> on.</summary>
    public bool IsExpired(DateTimeOffset now) => IsExpired(Status, ExpiresAt, now);

    public InvitationStatus StatusAt(DateTimeOffset now) => StatusAt(Status, ExpiresAt, now);

    /// <summary><see cref="StatusAt(DateTimeOffset)"/> for rows read as columns.</summary>
    public static InvitationStatus StatusAt(InvitationStatus stored, DateTimeOffset expiresAt, DateTimeOffset now) =>
        IsExpired(stored, expiresAt, now) ? InvitationStatus.Expired : stored;

    /// <summary>The same rule for queries: sent and not yet expired at <paramref name="now"/>.</summary>
    public static Expression<Func<Invitation, bool>> OpenAt(DateTimeOffset now) =>
        i => i.Status == InvitationStatus.Sent && i.ExpiresAt > now;

    private static bool IsExpired(InvitationStatus stored, DateTimeOffset expiresAt, DateTimeOffset now) =>
        stored == InvitationStatus.Sent && now >= expiresAt;

    public bool CanBeAcceptedAt(DateTimeOffset now) => StatusAt(now) == InvitationStatus.Sent;
}
