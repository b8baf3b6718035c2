using Kaimini.Web.Infrastructure.Localization;
using MimeKit;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Builds a message in the recipient's language from its views (one layout, an HTML and a
/// plain-text body), with an optional unsubscribe footer, attachments and Reply-To.</summary>
public class EmailComposer(EmailRenderer renderer)
{
    public async Task<MimeMessage> ComposeAsync(EmailRecipient to, EmailModel content, string? unsubscribeUrl = null)
    {
        using var _ = new CultureScope(to.Culture);
        var rendered = await renderer.RenderAsync(content, new EmailFrame(to.Name, Cultures.Current, unsubscribeUrl));

        var body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html };
        foreach (var a in content.Attachments)
        {
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        }

        var message = new MimeMessage { Subject = rendered.Subject };
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        if (content.ReplyTo is { } replyTo)
        {
            message.ReplyTo.Add(new MailboxAddress(replyTo.Name, replyTo.Email));
        }
        message.Body = body.ToMessageBody();
        // A Content-* header belongs to the body entity, not to the message's own headers.
        message.Body.Headers.Add(HeaderId.ContentLanguage, to.Culture);
        return message;
    }
}
