namespace Kaimini.Web.Domain;

/// <summary>An address that asked for no more non-essential mail (one-click unsubscribe).</summary>
public class EmailSuppression
{
    public int Id { get; set; }

    /// <summary>Lowercased.</summary>
    public required string Email { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
