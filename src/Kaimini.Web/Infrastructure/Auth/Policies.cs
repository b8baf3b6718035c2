namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>Named authorization policies; resource checks ("leader of this community") come on top.</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);

    /// <summary>Organisers and administrators.</summary>
    public const string Organiser = nameof(Organiser);

    /// <summary>Municipality staff and administrators: they answer ideas addressed to the municipality.</summary>
    public const string MunicipalityStaff = nameof(MunicipalityStaff);
}
