namespace Kaimini.Web.Infrastructure.Email;

/// <summary>What a message says, as resource keys: rendered in the recipient's language when queued.</summary>
public sealed record EmailContent(
    string SubjectKey,
    IReadOnlyList<string> ParagraphKeys,
    EmailLink? Link = null,
    IReadOnlyList<object>? Args = null,
    IReadOnlyList<EmailAttachment>? Attachments = null,
    EmailRecipient? ReplyTo = null);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
