namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>Named authorization policies; resource checks ("leader of this community") come on top.</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);
}
