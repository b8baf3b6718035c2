using Microsoft.AspNetCore.Authorization;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>What someone may do with an event (<see cref="EventResource"/>); decided by
/// <see cref="EventAuthorizationHandler"/>.</summary>
public sealed class EventRequirement : IAuthorizationRequirement
{
    private EventRequirement(string name) => Name = name;

    /// <summary>Edit, publish, cancel, invite, write to participants, see and export registrations.</summary>
    public static readonly EventRequirement Manage = new(nameof(Manage));

    public string Name { get; }
}

/// <summary>The event an authorization check is about.</summary>
public sealed record EventResource(int Id, string Slug);
