using Microsoft.AspNetCore.Authorization;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>What someone may do with a community (<see cref="CommunityResource"/>); decided by
/// <see cref="CommunityAuthorizationHandler"/>.</summary>
public sealed class CommunityRequirement : IAuthorizationRequirement
{
    private CommunityRequirement(string name, bool organisersToo)
    {
        Name = name;
        OrganisersToo = organisersToo;
    }

    /// <summary>Edit the profile and invite co-leaders: its leaders, organisers and administrators.</summary>
    public static readonly CommunityRequirement Manage = new(nameof(Manage), organisersToo: true);

    /// <summary>Speak for the community (accept or decline a request to co-organise an event): its
    /// leaders only; an organiser does not commit a community to anything.</summary>
    public static readonly CommunityRequirement ActFor = new(nameof(ActFor), organisersToo: false);

    public string Name { get; }

    public bool OrganisersToo { get; }
}

/// <summary>The community an authorization check is about.</summary>
public sealed record CommunityResource(int Id, string Slug);
