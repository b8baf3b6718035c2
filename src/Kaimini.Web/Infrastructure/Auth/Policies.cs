using System.Security.Claims;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>Named authorization policies; resource checks ("leader of this community") come on top,
/// as requirements with a handler per resource (events, communities, ideas).</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);

    /// <summary>Organisers and administrators.</summary>
    public const string Organiser = nameof(Organiser);

    /// <summary>Municipality staff and administrators: they answer ideas addressed to the municipality.</summary>
    public const string MunicipalityStaff = nameof(MunicipalityStaff);

    /// <summary>Municipality staff, organisers and administrators: the aggregate reports at /reports.</summary>
    public const string Reports = nameof(Reports);

    /// <summary>Organisers and administrators, who manage every event and community.</summary>
    public static bool IsOrganiser(ClaimsPrincipal user) => user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Administrator);

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
