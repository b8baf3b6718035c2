using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.BulkSends;

/// <summary>What a request does to send to many: stores one <see cref="BulkSend"/> with its
/// recipients and leaves the invitations and mail to <see cref="BulkSender"/>.</summary>
public class BulkSendQueue(AppDbContext db, Mailer mailer, TimeProvider clock)
{
    /// <summary>Adds the send (not saved: the caller saves). Its recipients count towards the sender's
    /// daily send cap now, when the mail is asked for, not when the worker writes it.</summary>
    public BulkSend Add(BulkSendKind kind, string? createdById, IEnumerable<(string Email, string Name, string Culture)> recipients,
        Action<BulkSend>? details = null)
    {
        var now = clock.GetUtcNow();
        var send = new BulkSend { Id = Guid.CreateVersion7(), Kind = kind, CreatedById = createdById, CreatedAt = now };
        details?.Invoke(send);
        send.AddRecipients(recipients);
        if (send.Total == 0)
        {
            send.FinishedAt = now;
        }

        db.BulkSends.Add(send);
        mailer.CountBulk(send.Total);
        return send;
    }
}
