namespace Kaimini.Web.Domain;

public enum MembershipRole
{
    /// <summary>valdes priekšsēdētājs</summary>
    Chair = 1,

    /// <summary>valdes loceklis</summary>
    BoardMember = 2,

    /// <summary>kontaktpersona</summary>
    ContactPerson = 3,

    /// <summary>biedrs</summary>
    Member = 4,
}

/// <summary>A person's place in a community. Leaders (<see cref="IsLeader"/>) keep its profile.</summary>
public class CommunityMembership
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public MembershipRole Role { get; set; }
    public bool IsLeader { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
