using Kaimini.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kaimini.Web.Features.AdminAudit;

/// <summary>/admin/audit: administrators read the audit log, newest first, filtered by what was
/// changed, by whom and when: community changes and moderation, role and lockout changes, population
/// imports and report exports.</summary>
[Route("admin/audit")]
[Authorize(Policy = Policies.Administrator)]
public class AdminAuditController(AuditLog log) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, int? page, CancellationToken ct) =>
        View(new AuditViewModel(filter, await log.PageAsync(filter, page, ct)));
}
