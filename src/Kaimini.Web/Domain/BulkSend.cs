namespace Kaimini.Web.Domain;

public enum BulkSendKind
{
    /// <summary>Invitations to join the portal with a role (<c>BulkSend.Role</c>).</summary>
    RoleInvitations = 1,

    /// <summary>Invitations to an event (<c>BulkSend.EventId</c>, kept places in <c>BulkSend.Role</c>).</summary>
    EventInvitations = 2,

    /// <summary>An organiser's message to an event's participants.</summary>
    EventMessage = 3,
}

/// <summary>Mail to many, stored by the request and sent by <c>BulkSender</c> in the background, a
/// chunk of recipients per transaction. Its id is the <c>batch_id</c> of the invitations and outbox
/// messages it makes, so the progress page counts them too.</summary>
public class BulkSend
{
    public Guid Id { get; set; }
    public BulkSendKind Kind { get; set; }

    /// <summary>Who started it (the inviter, the message's sender); null once they deleted their account.</summary>
    public string? CreatedById { get; set; }
    public AppUser? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int? EventId { get; set; }

    /// <summary>The role offered (role invitations) or the side whose kept places the link opens (event invitations).</summary>
    public string? Role { get; set; }

    /// <summary>An organiser's message: its subject, text and the sender's name as they signed it.</summary>
    public string? Subject { get; set; }
    public string? Text { get; set; }
    public string? SenderName { get; set; }

    /// <summary>Recipients named; of them processed, mailed and skipped (unsubscribed, or nothing to send).</summary>
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Queued { get; set; }
    public int Skipped { get; set; }

    /// <summary>When the last recipient was processed.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    public List<BulkSendRecipient> Recipients { get; set; } = [];

    public void AddRecipients(IEnumerable<(string Email, string Name, string Culture)> recipients)
    {
        foreach (var (email, name, culture) in recipients)
        {
            Recipients.Add(new BulkSendRecipient { Position = Recipients.Count, Email = email, Name = name, Culture = culture });
        }

        Total = Recipients.Count;
    }
}

/// <summary>One address of a <see cref="BulkSend"/> still to be written. The transaction that writes
/// its invitation and mail deletes it, so it is processed once and no address outlives its send.</summary>
public class BulkSendRecipient
{
    public Guid BulkSendId { get; set; }
    public int Position { get; set; }
    public required string Email { get; set; }
    public string Name { get; set; } = "";
    public string Culture { get; set; } = "lv";
}
