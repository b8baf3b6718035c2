using System.Text;
using System.Text.Encodings.Web;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Builds a message in the recipient's language with one layout, an HTML and a plain-text
/// body, from localized paragraphs, an optional call-to-action link, an optional unsubscribe footer
/// and attachments.</summary>
public class EmailComposer(IStringLocalizer<SharedResource> t)
{
    public MimeMessage Compose(EmailRecipient to, EmailContent content, string? unsubscribeUrl = null)
    {
        using var _ = new CultureScope(to.Culture);
        var args = content.Args?.ToArray() ?? [];
        var subject = t[content.SubjectKey, args].Value;
        var greeting = string.IsNullOrWhiteSpace(to.Name) ? t["Email.GreetingNoName"].Value : t["Email.Greeting", to.Name].Value;
        var paragraphs = content.ParagraphKeys.Select(k => t[k, args].Value).ToList();
        var link = content.Link;
        var linkText = link is null ? null : t[link.TextKey].Value;
        var signature = t["Email.Signature"].Value;
        var unsubscribe = unsubscribeUrl is null ? null : t["Email.Unsubscribe"].Value;

        var text = new StringBuilder();
        text.AppendLine(greeting).AppendLine();
        foreach (var p in paragraphs)
        {
            text.AppendLine(p).AppendLine();
        }

        if (link is not null)
        {
            text.AppendLine($"{linkText}: {link.Url}").AppendLine();
        }

        text.AppendLine(signature);
        if (unsubscribeUrl is not null)
        {
            text.AppendLine().AppendLine("-- ").AppendLine($"{unsubscribe}: {unsubscribeUrl}");
        }

        var enc = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{to.Culture}\"><head><meta charset=\"utf-8\"><title>{enc.Encode(subject)}</title></head>");
        html.Append("<body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b\">");
        html.Append($"<p>{enc.Encode(greeting)}</p>");
        foreach (var p in paragraphs)
        {
            html.Append($"<p>{enc.Encode(p).Replace("&#xA;", "<br>")}</p>");
        }

        if (link is not null)
        {
            html.Append($"<p><a href=\"{enc.Encode(link.Url)}\" style=\"background:#0b5e3b;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px\">{enc.Encode(linkText!)}</a></p>");
            html.Append($"<p style=\"font-size:13px;color:#555\">{enc.Encode(link.Url)}</p>");
        }

        html.Append($"<p>{enc.Encode(signature)}</p>");
        if (unsubscribeUrl is not null)
        {
            html.Append($"<p style=\"font-size:13px;color:#555\"><a href=\"{enc.Encode(unsubscribeUrl)}\">{enc.Encode(unsubscribe!)}</a></p>");
        }

        html.Append("</body></html>");

        var body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() };
        foreach (var a in content.Attachments ?? [])
        {
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        }

        var message = new MimeMessage { Subject = subject };
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

public sealed record EmailRecipient(string Email, string Name, string Culture);

public sealed record EmailLink(string TextKey, string Url);
