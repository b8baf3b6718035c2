namespace Kaimini.Web.Infrastructure.Email;

/// <summary>What one message says, as typed values: each message has its own record and two Razor
/// views named after it, beside it in the feature's <c>Emails</c> folder (<c>{Type}.cshtml</c> for
/// HTML, <c>{Type}.text.cshtml</c> for plain text). Rendered in the recipient's language when queued.</summary>
public abstract record EmailModel
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>Where replies go instead of the portal's sender (a relayed message).</summary>
    public EmailRecipient? ReplyTo { get; init; }
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record EmailRecipient(string Email, string Name, string Culture);
