using Kaimini.Web.Domain;
using Kaimini.Web.Features.AdminEvents.Emails;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>An organiser's message to an event's participants, written by the bulk-send worker.</summary>
public class EventMessageSends(ChunkEvents events, Mailer mailer, EventNotices notices) : IBulkSendHandler
{
    public BulkSendKind Kind => BulkSendKind.EventMessage;

    public async Task<bool> SendAsync(BulkSend send, BulkSendRecipient recipient, CancellationToken ct) =>
        await events.FindAsync(send.EventId, ct) is { } ev
        && await mailer.QueueAsync(new EmailRecipient(recipient.Email, recipient.Name, recipient.Culture),
            new OrganiserMessageEmail(EventFacts.Of(ev), send.Subject ?? "", send.Text ?? "", send.SenderName ?? "", notices.EventLink(ev)),
            "event.message", essential: true, send.Id, ct) is not null;
}
