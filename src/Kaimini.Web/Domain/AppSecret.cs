namespace Kaimini.Web.Domain;

/// <summary>A secret the portal generates for itself (the key of the people hash when
/// <c>Privacy:HashKey</c> is not configured), stored encrypted with the data-protection keys.</summary>
public class AppSecret
{
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
