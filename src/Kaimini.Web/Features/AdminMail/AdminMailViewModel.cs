using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;

namespace Kaimini.Web.Features.AdminMail;

public sealed record OutboxRow(Guid Id, DateTimeOffset CreatedAt, string Recipient, string Subject, string Category,
    OutboxStatus Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

public sealed record AdminMailViewModel(PagedList<OutboxRow> Messages, IReadOnlyDictionary<OutboxStatus, int> Counts,
    OutboxStatus? Status, string? Recipient)
{
    public int CountOf(OutboxStatus status) => Counts.GetValueOrDefault(status);
}
