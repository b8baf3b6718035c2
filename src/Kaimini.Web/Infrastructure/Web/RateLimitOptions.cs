namespace Kaimini.Web.Infrastructure.Web;

public class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Login, registration and password-reset posts allowed per client address and window.</summary>
    public int AuthPermitLimit { get; set; } = 10;
    public int AuthWindowSeconds { get; set; } = 60;

    /// <summary>Messages through communities' contact forms per client address and window.</summary>
    public int ContactPermitLimit { get; set; } = 10;
    public int ContactWindowSeconds { get; set; } = 600;
}
