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

namespace Kaimini.Web.Features.AdminPopulation;

/// <summary>/admin/population: administrators import the population of towns and parishes by year
/// (the base of the reports' per-1,000 figures) from a CSV file, and see what is loaded. A file is
/// imported whole or not at all; importing a year again replaces that year.</summary>
[Route("admin/population")]
[Authorize(Policy = Policies.Administrator)]
public class AdminPopulationController(AppDbContext db, PopulationImport import, IStringLocalizer<SharedResource> t,
    ILogger<AdminPopulationController> logger) : Controller
{
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The most line errors listed; the rest are counted.</summary>
    public const int ShownErrors = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync([], ct));

    /// <summary>The form has been read before MVC sees it (<c>ControlCharacterMiddleware</c> checks every
    /// form), so per-action request limits cannot apply: the server's own body limit bounds the upload,
    /// and a file over <see cref="MaxFileBytes"/> is refused here with a message.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Import(PopulationImportForm form, CancellationToken ct)
    {
        if (form.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("form.File", t["AdminPopulation.Error.NoFile"]);
        }
        else if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("form.File", t["AdminPopulation.Error.TooLarge", MaxFileBytes / 1024 / 1024]);
        }

        if (!ModelState.IsValid)
        {
            return View("Index", await PageAsync([], ct));
        }

        var (lines, errors) = await import.ReadAsync(form.File!, ct);
        if (errors.Count > 0)
        {
            ModelState.AddModelError("form.File", t.Count("AdminPopulation.Error.Lines", errors.Select(e => e.Line).Distinct().Count()));
            return View("Index", await PageAsync(errors, ct));
        }

        var years = await import.StoreAsync(lines, Policies.UserId(User), ct);
        logger.LogInformation("Population imported: {Lines} lines for {Years}", lines.Count, string.Join(",", years));
        TempData["Status"] = "AdminPopulation.Imported";
        TempData["StatusArg"] = lines.Count;
        return Redirect(Links.Admin.Population);
    }

    private async Task<PopulationPageViewModel> PageAsync(IReadOnlyList<PopulationLineError> errors, CancellationToken ct)
    {
        var units = await db.Territories.CountAsync(u => u.Kind == TerritoryKind.Pilseta || u.Kind == TerritoryKind.Pagasts, ct);
        // A year is imported whole, so its rows share the time and the administrator.
        var years = await db.PopulationFigures.AsNoTracking().GroupBy(p => p.Year).OrderByDescending(g => g.Key)
            .Select(g => new
            {
                Year = g.Key,
                Units = g.Count(),
                Total = g.Sum(p => (long)p.Population),
                Sources = string.Join("; ", g.Select(p => p.Source).Distinct()),
                ImportedAt = g.Max(p => p.ImportedAt),
                By = g.Max(p => p.ImportedById),
            })
            .ToListAsync(ct);
        var ids = years.Select(y => y.By).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new PopulationPageViewModel(units, years.Select(y => new PopulationYearRow(y.Year, y.Units, y.Total, y.Sources, y.ImportedAt,
            y.By is { } by ? names.GetValueOrDefault(by) : null)).ToList(), errors);
    }
}

public sealed class PopulationImportForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "AdminPopulation.File")]
    public IFormFile? File { get; set; }
}

public sealed record PopulationYearRow(int Year, int Units, long Total, string Sources, DateTimeOffset ImportedAt, string? ImportedBy);

public sealed record PopulationPageViewModel(int Units, IReadOnlyList<PopulationYearRow> Years, IReadOnlyList<PopulationLineError> Errors);
