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

    /// <summary>Mark the idea implemented (or take the mark back).</summary>
    public static readonly IdeaRequirement Implement = new(nameof(Implement));

    public string Name { get; }

    /// <summary>By name, for attributes (whose arguments are constants).</summary>
    public static IdeaRequirement Named(string name) =>
        new[] { Moderate, Answer, Implement }.SingleOrDefault(r => r.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, null);
}

/// <summary>The idea an authorization check is about.</summary>
public sealed record IdeaResource(int Id, Domain.IdeaAddressee AddressedTo);
