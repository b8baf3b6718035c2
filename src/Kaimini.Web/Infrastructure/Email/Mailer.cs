using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Queues e-mail in the outbox: the message is rendered in the recipient's language and
/// added to the same DbContext as the change that causes it, so the caller's SaveChanges (or
/// transaction) commits both or neither. The outbox dispatcher sends it.</summary>
public class Mailer(
    AppDbContext db,
    EmailComposer composer,
    UnsubscribeLinks unsubscribe,
    IOptions<EmailOptions> options,
    TimeProvider clock)
{
    private readonly Dictionary<string, bool> _suppressed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Messages queued through this instance (one per request): the daily send cap counts them.</summary>
    public int QueuedCount { get; private set; }

    /// <summary>Queues the message; returns null when it is non-essential and the address has
    /// unsubscribed, or when the address is one the portal wrote in place of a deleted person's
    /// (nothing is queued then). Non-essential mail carries the link that unsubscribes the address from
    /// all of it, or <paramref name="unsubscribeUrl"/>, which ends only this kind of mail (a digest's).</summary>
    public async Task<OutboxMessage?> QueueAsync(EmailRecipient to, EmailModel content, string category,
        bool essential, Guid? batchId = null, CancellationToken ct = default, string? unsubscribeUrl = null)
    {
        if (IsUndeliverable(to.Email))
        {
            return null;
        }

        if (essential)
        {
            unsubscribeUrl = null;
        }
        else
        {
            if (await IsSuppressedAsync(to.Email, ct))
            {
                return null;
            }

            unsubscribeUrl ??= unsubscribe.UrlFor(to.Email);
        }

        var message = await composer.ComposeAsync(to, content, unsubscribeUrl);
        var id = Guid.CreateVersion7();
        var o = options.Value;
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.MessageId = OutboxMessage.MessageIdFor(id, MessageIdDomain(o.FromAddress));
        message.Date = clock.GetUtcNow();
        if (unsubscribeUrl is not null)
        {
            // RFC 8058 one-click: mail clients POST to the link without opening it.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        using var buffer = new MemoryStream();
        await message.WriteToAsync(buffer, ct);
        var now = clock.GetUtcNow();
        var row = new OutboxMessage
        {
            Id = id,
            Recipient = to.Email.Trim().ToLowerInvariant(),
            Subject = message.Subject ?? "",
            Category = category,
            Essential = essential,
            BatchId = batchId,
            Mime = buffer.ToArray(),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(row);
        QueuedCount++;
        return row;
    }

    /// <summary>A bulk send stored for the background worker: its messages count now, in the request
    /// that asked for them, so the daily send cap sees them.</summary>
    public void CountBulk(int messages) => QueuedCount += messages;

    /// <summary>Loads the unsubscribe state of many addresses in one query (bulk sends).</summary>
    public async Task PreloadSuppressionsAsync(IEnumerable<string> emails, CancellationToken ct)
    {
        var lower = emails.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList();
        var suppressed = await db.EmailSuppressions.Where(s => lower.Contains(s.Email)).Select(s => s.Email).ToListAsync(ct);
        foreach (var email in lower)
        {
            _suppressed[email] = suppressed.Contains(email);
        }
    }

    public async Task<bool> IsSuppressedAsync(string email, CancellationToken ct)
    {
        var key = email.Trim().ToLowerInvariant();
        if (!_suppressed.TryGetValue(key, out var value))
        {
            value = await db.EmailSuppressions.AnyAsync(s => s.Email == key, ct);
            _suppressed[key] = value;
        }

        return value;
    }

    /// <summary>The reserved top-level domain <c>.invalid</c> (RFC 2606): the addresses left in place of
    /// deleted people, and invented data's.</summary>
    public static bool IsUndeliverable(string email) =>
        email.TrimEnd().EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)
        || DeletedPerson.IsAddress(email.TrimEnd());

    private static string MessageIdDomain(string from)
    {
        var at = from.LastIndexOf('@');
        return at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "kaimini.local";
    }
}
