using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminMail;

/// <summary>The outbox for administrators: what waits, what left, what failed and why.</summary>
[Route("admin/mail")]
[Authorize(Policy = Policies.Administrator)]
public class AdminMailController(AppDbContext db, TimeProvider clock, ILogger<AdminMailController> logger) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(OutboxStatus? status, string? recipient, int? page, CancellationToken ct)
    {
        var pageNumber = PagedList<OutboxRow>.Normalize(page);
        var query = db.OutboxMessages.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }

        var search = recipient?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(search))
        {
            query = query.Where(m => m.Recipient.StartsWith(search));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAt)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.CreatedAt, m.Recipient, m.Subject, m.Category, m.Status, m.Attempts,
                m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(ct);
        var counts = await db.OutboxMessages.GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        return View(new AdminMailViewModel(new PagedList<OutboxRow>(rows, pageNumber, PageSize, total), counts, status, recipient));
    }

    /// <summary>Puts a failed message back in the queue, due now, with a fresh count of attempts.</summary>
    [HttpPost("{id:guid}/retry")]
    public async Task<IActionResult> Retry(Guid id, CancellationToken ct)
    {
        var updated = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, clock.GetUtcNow()), ct);
        if (updated == 0)
        {
            return NotFound();
        }

        logger.LogInformation("Outbox message {OutboxId} queued again by an administrator", id);
        TempData["Status"] = "AdminMail.Retried";
        return Redirect(Links.Admin.Mail(nameof(OutboxStatus.Failed)));
    }
}
