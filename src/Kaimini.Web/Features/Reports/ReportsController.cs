using System.Globalization;
using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Reports;

/// <summary>/reports: aggregate figures for municipality staff, organisers and administrators — how
/// are we doing, where, compared with when. Only aggregates leave here, through the small-cell rule.</summary>
[Route("reports")]
[Authorize(Policy = Policies.Reports)]
public class ReportsController(AppDbContext db, ReportBuilder builder, ReferenceCache reference, TimeProvider clock,
    IStringLocalizer<SharedResource> t, ILogger<ReportsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReportFilter filter, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var ownNovads = await OwnNovadsAsync(refData, ct);
        if (filter.Territory is null && ownNovads is not null)
        {
            // Staff open on their own novads; "the whole network" is territory=all.
            return Redirect(Links.Reports.For(filter.With("territory", ownNovads)));
        }

        var scope = ReportScope.Resolve(filter, refData, clock.GetUtcNow());
        var report = await builder.BuildAsync(scope, refData, ct);
        var (drill, up) = DrillDown(scope, refData);
        return View(new ReportViewModel(filter, scope, refData, report, ReportCharts.For(report, t), drill, up, ownNovads));
    }

    /// <summary>The tables on screen with the same filters (a staff member's own novads when none is
    /// given), as CSV or XLSX; every export is written to the audit log.</summary>
    [HttpGet("export.csv")]
    public Task<IActionResult> ExportCsv([FromQuery] ReportFilter filter, CancellationToken ct) => ExportAsync("csv", filter, ct);

    [HttpGet("export.xlsx")]
    public Task<IActionResult> ExportXlsx([FromQuery] ReportFilter filter, CancellationToken ct) => ExportAsync("xlsx", filter, ct);

    private async Task<IActionResult> ExportAsync(string format, ReportFilter filter, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        filter.Territory ??= await OwnNovadsAsync(refData, ct);
        var scope = ReportScope.Resolve(filter, refData, clock.GetUtcNow());
        var report = await builder.BuildAsync(scope, refData, ct);
        var sheet = ReportSheet.From(report, t);
        db.AuditEntries.Add(ReportExport.AuditEntry(User.FindFirstValue(ClaimTypes.NameIdentifier), format, scope, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Report exported as {Format}", format);

        var fileName = ReportExport.FileName(scope, t["Reports.Export.FileStem"], t["Reports.WholeNetwork"], format);
        return format == "csv"
            ? File(ReportCsv.Write(sheet, CultureInfo.CurrentCulture), "text/csv; charset=utf-8", fileName)
            : File(ReportXlsx.Write(sheet, CultureInfo.CurrentCulture), ReportXlsx.ContentType, fileName);
    }

    /// <summary>The slug of the signed-in staff member's own novads, if an administrator gave them one.</summary>
    private async Task<string?> OwnNovadsAsync(ReferenceData refData, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.Users.Where(u => u.Id == userId && u.NovadsId != null).Select(u => u.NovadsId).SingleOrDefaultAsync(ct) is { } id
            ? refData.TerritoryById.GetValueOrDefault(id)?.Slug : null;
    }

    /// <summary>The units inside the chosen one (the whole network → the novadi and former novadi;
    /// a novads → its towns and parishes; a former novads → the towns and parishes it had), and the
    /// unit to go back up to.</summary>
    private static (IReadOnlyList<TerritoryLinkItem> Down, TerritoryLinkItem? Up) DrillDown(ReportScope scope, ReferenceData r)
    {
        static TerritoryLinkItem Link(TerritoryInfo u) => new(u.Slug, u.Name);
        if (scope.Territory is not { } territory)
        {
            return (r.OfKind(TerritoryKind.Novads, TerritoryKind.FormerNovads).OrderBy(u => u.Kind).ThenBy(u => u.Name, Cultures.LatvianComparer)
                .Select(Link).ToList(), null);
        }

        var all = new TerritoryLinkItem(ReportFilter.AllTerritories, "");
        return territory.Kind switch
        {
            TerritoryKind.Novads => (r.Territories.Where(u => u.NovadsId == territory.Id && u.Kind is TerritoryKind.Pilseta or TerritoryKind.Pagasts)
                .OrderBy(u => u.Name, Cultures.LatvianComparer).Select(Link).ToList(), all),
            TerritoryKind.FormerNovads => (r.Territories.Where(u => u.FormerNovadsId == territory.Id && u.Kind is TerritoryKind.Pilseta or TerritoryKind.Pagasts)
                .OrderBy(u => u.Name, Cultures.LatvianComparer).Select(Link).ToList(), all),
            _ => ([], territory.NovadsId is { } n && r.TerritoryById.TryGetValue(n, out var novads) ? Link(novads) : all),
        };
    }

    /// <summary>Administrators give municipality staff accounts their novads.</summary>
    [HttpGet("settings")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Settings(CancellationToken ct)
    {
        var staff = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join role in db.Roles on ur.RoleId equals role.Id
                           where role.Name == Roles.MunicipalityStaff
                           orderby u.DisplayName, u.Email
                           select new StaffRow(u.Id, u.DisplayName, u.Email!, u.NovadsId)).Take(500).ToListAsync(ct);
        return View(new ReportSettingsViewModel(staff, await reference.GetAsync(ct)));
    }

    [HttpPost("settings/{userId}")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> SetNovads(string userId, NovadsForm form, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        if (form.NovadsId is { } novadsId && refData.TerritoryById.GetValueOrDefault(novadsId)?.Kind != TerritoryKind.Novads)
        {
            return BadRequest();
        }

        var isStaff = await (from ur in db.UserRoles
                             join role in db.Roles on ur.RoleId equals role.Id
                             where ur.UserId == userId && role.Name == Roles.MunicipalityStaff
                             select ur).AnyAsync(ct);
        if (!isStaff)
        {
            return NotFound();
        }

        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.NovadsId, form.NovadsId), ct);
        TempData["Status"] = "Reports.Settings.Saved";
        return Redirect(Links.Reports.Settings);
    }
}
