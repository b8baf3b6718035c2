using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
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
public class ReportsController(AppDbContext db, ReportQueries queries, ReferenceCache reference, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReportFilter filter, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var ownNovads = await db.Users.Where(u => u.Id == userId && u.NovadsId != null).Select(u => u.NovadsId).SingleOrDefaultAsync(ct) is { } id
            ? refData.TerritoryById.GetValueOrDefault(id)?.Slug : null;
        if (filter.Territory is null && ownNovads is not null)
        {
            // Staff open on their own novads; "the whole network" is territory=all.
            return Redirect("/reports" + filter.With("territory", ownNovads));
        }

        var scope = ReportScope.Resolve(filter, refData, clock.GetUtcNow());
        var current = ReportFigures.ShowAll(await queries.FiguresAsync(scope, scope.Current, ct));
        var previous = ReportFigures.ShowAll(await queries.FiguresAsync(scope, scope.Previous, ct));
        var sections = Enum.GetValues<Aim>().ToDictionary(a => a, a => ReportFigures.Rows(Indicators.For(a), current, previous));

        var culture = Cultures.Current;
        var enumLabels = (string prefix, IEnumerable<string> keys) => keys.ToDictionary(k => k, k => t[prefix + k].Value);
        var byTheme = await queries.IdeasByThemeAsync(scope, ct);
        var byGroup = await queries.IdeasByForumGroupAsync(scope, ct);
        var breakdowns = new List<BreakdownTable>
        {
            Table("Reports.Breakdown.LegalForm", Indicators.Communities, await queries.CommunitiesByLegalFormAsync(scope, ct),
                enumLabels("LegalForm.", Enum.GetNames<LegalForm>())),
            Table("Reports.Breakdown.EventKind", Indicators.EventsHeld, await queries.EventsByKindAsync(scope, ct),
                enumLabels("EventKind.", Enum.GetNames<EventKind>())),
            // A person who came as two types counts in both: no total to subtract from, so the
            // breakdown is shown with the unique participants as its base.
            Table("Reports.Breakdown.ParticipantClass", Indicators.UniqueParticipants, await queries.ParticipantsByClassAsync(scope, ct),
                enumLabels("Reports.Participant.", Enum.GetNames<ParticipantClass>())),
            Table("Reports.Breakdown.IdeaSource", Indicators.IdeasCollected, await queries.IdeasBySourceAsync(scope, ct),
                enumLabels("Reports.IdeaSource.", ["Forum", "Portal"])),
            Table("Reports.Breakdown.IdeaTheme", Indicators.IdeasCollected,
                byTheme.Select(x => (x.Key?.ToString() ?? "none", x.Count)).ToList(),
                byTheme.ToDictionary(x => x.Key?.ToString() ?? "none",
                    x => x.Key is { } th && refData.ThemeById.TryGetValue(th, out var info) ? info.Name(culture) : t["Reports.NoTheme"].Value)),
            Table("Reports.Breakdown.ForumGroup", Indicators.IdeasCollected, byGroup.Select(x => (x.Lv, x.Count)).ToList(),
                byGroup.ToDictionary(x => x.Lv, x => culture == Cultures.English ? x.En : x.Lv)),
            Table("Reports.Breakdown.Addressee", Indicators.IdeasCollected, await queries.IdeasByAddresseeAsync(scope, ct),
                enumLabels("IdeaAddressee.", Enum.GetNames<IdeaAddressee>())),
            Table("Reports.Breakdown.Outcome", Indicators.IdeasAnswered, await queries.AnswersByOutcomeAsync(scope, ct),
                enumLabels("IdeaResponse.", Enum.GetNames<IdeaResponse>())),
        };
        var ties = await queries.TieTableAsync(scope, 20, ct);
        var (drill, up) = DrillDown(scope, refData);
        return View(new ReportViewModel(filter, scope, refData, sections, breakdowns, ties, drill, up, ownNovads));
    }

    /// <summary>Sibling cells of one breakdown, largest first, through the small-cell rule. The total
    /// is the sum of the cells, except for participant types (a person may be of two).</summary>
    private static BreakdownTable Table(string titleKey, Indicator indicator, List<(string Key, long Count)> cells, IReadOnlyDictionary<string, string> labels)
    {
        var ordered = cells.OrderByDescending(c => c.Count).ThenBy(c => labels.GetValueOrDefault(c.Key) ?? c.Key, StringComparer.Ordinal).ToList();
        return new BreakdownTable(titleKey, indicator, SmallCells.Apply(ordered, ordered.Sum(c => c.Count), indicator.Unit), labels);
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
        return Redirect("/reports/settings");
    }
}
