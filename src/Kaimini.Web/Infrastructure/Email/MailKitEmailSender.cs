using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Sends through SMTP with MailKit, or writes an .eml file to the pickup directory when
/// no SMTP host is configured (the default for ./kaimini run).</summary>
public class MailKitEmailSender(IOptions<EmailOptions> options, IHostEnvironment env, TimeProvider clock, ILogger<MailKitEmailSender> logger)
    : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (message.From.Count == 0)
        {
            message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        }

        if (string.IsNullOrWhiteSpace(o.Smtp.Host))
        {
            await WriteToPickupAsync(message, ct);
            return;
        }

        using var client = new SmtpClient { Timeout = o.Smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(o.Smtp.Host, o.Smtp.Port, o.Smtp.Security, ct);
        if (!string.IsNullOrEmpty(o.Smtp.Username))
        {
            await client.AuthenticateAsync(o.Smtp.Username, o.Smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Sent message {MessageId} by SMTP", message.MessageId);
    }

    private async Task WriteToPickupAsync(MimeMessage message, CancellationToken ct)
    {
        var directory = PickupDirectory(options.Value, env);
        Directory.CreateDirectory(directory);
        // Digits and lowercase hex only: the name is the id in /dev/mail's lowercase URLs.
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(temp, ct);
        // Written under a temporary name and renamed, so a reader never sees half a message.
        File.Move(temp, Path.Combine(directory, name));
        logger.LogInformation("Wrote message {MessageId} to the pickup directory", message.MessageId);
    }

    public static string PickupDirectory(EmailOptions options, IHostEnvironment env) =>
        Path.GetFullPath(options.PickupDirectory, env.ContentRootPath);
}
