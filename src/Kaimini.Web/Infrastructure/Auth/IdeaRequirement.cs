using Microsoft.AspNetCore.Authorization;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>What someone may do with an idea (<see cref="IdeaResource"/>); decided by
/// <see cref="IdeaAuthorizationHandler"/>.</summary>
public sealed class IdeaRequirement : IAuthorizationRequirement
{
    private IdeaRequirement(string name) => Name = name;

    /// <summary>Hide, restore, merge, link to a forum, and see ideas that are not public.</summary>
    public static readonly IdeaRequirement Moderate = new(nameof(Moderate));

    /// <summary>Give the municipality's answer.</summary>
    public static readonly IdeaRequirement Answer = new(nameof(Answer));

    public string Name { get; }
}

/// <summary>The idea an authorization check is about.</summary>
public sealed record IdeaResource(int Id, Domain.IdeaAddressee AddressedTo);
