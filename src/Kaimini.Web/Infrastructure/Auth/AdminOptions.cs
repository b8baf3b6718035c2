namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>The first administrator. Only from configuration (environment, user secrets or
/// ./kaimini); nothing is created when either value is missing.</summary>
public class AdminOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Administrators";
}
