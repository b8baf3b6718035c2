using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.ForumIdeas;

/// <summary>A forum's organisers type in the ideas written on paper there: one form that, after
/// each save, comes back empty but for the group, theme and place, says what was saved, and lists
/// what has been entered so far. The ideas are published at once, as collected at the forum
/// (source "forum") and entered by the organiser; nobody is mailed.</summary>
[Route("admin/events/{slug}/ideas")]
[Authorize]
[AuthorizeEvent]
public class ForumIdeasController(AppDbContext db, IdeaWorkflow workflow, ReferenceCache reference, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>TempData key: the id of the idea just saved.</summary>
    public const string SavedKey = "ForumIdeas.Saved";

    private const int ListedMax = 500;

    [HttpGet("")]
    public async Task<IActionResult> Index(string slug, int? group, int? theme, int? territory, CancellationToken ct)
    {
        var forum = await LoadAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var refData = await reference.GetAsync(ct);
        var form = new PaperIdeaForm
        {
            ForumGroupId = forum.Groups.Any(g => g.Id == group) ? group : null,
            ThemeId = theme is { } th && refData.ThemeById.ContainsKey(th) ? theme : null,
            TerritoryId = territory is { } tid && refData.IsPlace(tid) ? territory : refData.IsPlace(forum.TerritoryId) ? forum.TerritoryId : null,
        };
        var hasTempData = Request.Cookies.ContainsKey(WebExtensions.TempDataCookie);
        var savedId = hasTempData ? TempData[SavedKey] as int? : null;
        return View("Index", await PageAsync(forum, form, savedId, ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Create(string slug, PaperIdeaForm form, CancellationToken ct)
    {
        var forum = await LoadAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        form.Validate(forum, await reference.GetAsync(ct), clock.GetUtcNow(), ModelState, t);
        if (!ModelState.IsValid)
        {
            return View("Index", await PageAsync(forum, form, null, ct));
        }

        var idea = await workflow.EnterFromPaperAsync(form.ValuesFor(forum), Actor.Of(User), ct);
        TempData[SavedKey] = idea.Id;
        return Redirect(Links.AdminEvents.Ideas(forum.Slug, form.KeptQuery()));
    }

    /// <summary>The forum [AuthorizeEvent] found and allowed, with its groups; null when the event is
    /// not a forum.</summary>
    private async Task<ForumForPaper?> LoadAsync(CancellationToken ct)
    {
        var managed = (EventResource)HttpContext.Items[typeof(EventResource)]!;
        var culture = Cultures.Current;
        var forum = await db.Events.AsNoTracking().Where(e => e.Id == managed.Id && e.Kind == EventKind.Forum)
            .Select(e => new
            {
                e.Id,
                e.Slug,
                e.Title,
                e.Status,
                e.StartsAt,
                e.TerritoryId,
                Groups = e.Groups.OrderBy(g => g.Position).ThenBy(g => g.Id).Select(g => new { g.Id, g.NameLv, g.NameEn }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return forum is null ? null : new ForumForPaper(forum.Id, forum.Slug, forum.Title, forum.Status, forum.StartsAt, forum.TerritoryId,
            forum.Groups.Select(g => (g.Id, LocalName.For(culture, g.NameLv, g.NameEn))).ToList());
    }

    private async Task<ForumIdeasViewModel> PageAsync(ForumForPaper forum, PaperIdeaForm form, int? savedId, CancellationToken ct)
    {
        var entered = db.Ideas.AsNoTracking()
            .Where(i => i.EventId == forum.Id && db.IdeaHistory.Any(h => h.IdeaId == i.Id && h.Kind == IdeaHistoryKind.Entered));
        var count = await entered.CountAsync(ct);
        var rows = await entered.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(ListedMax)
            .Select(i => new EnteredIdea(i.Id, i.Title, i.Kind, i.AddressedTo, i.ForumGroupId, i.Status, i.PublishedAt ?? i.CreatedAt))
            .ToListAsync(ct);
        var saved = savedId is { } id ? rows.FirstOrDefault(r => r.Id == id) : null;
        return new ForumIdeasViewModel(forum, form, await reference.GetAsync(ct), count, rows, saved, forum.CanTakeIdeas(clock.GetUtcNow()));
    }
}

public sealed record ForumForPaper(int Id, string Slug, string Title, EventStatus Status, DateTimeOffset StartsAt, int TerritoryId,
    IReadOnlyList<(int Id, string Name)> Groups)
{
    /// <summary>Paper ideas exist once the forum has begun; a draft or cancelled forum has none.</summary>
    public bool CanTakeIdeas(DateTimeOffset now) => Status is EventStatus.Published or EventStatus.Completed && StartsAt <= now;

    public string? GroupName(int? id) => Groups.FirstOrDefault(g => g.Id == id).Name;
}

public sealed record EnteredIdea(int Id, string Title, IdeaKind Kind, IdeaAddressee AddressedTo, int? ForumGroupId, IdeaStatus Status, DateTimeOffset EnteredAt);

public sealed record ForumIdeasViewModel(ForumForPaper Forum, PaperIdeaForm Form, ReferenceData Reference, int Count,
    IReadOnlyList<EnteredIdea> Entered, EnteredIdea? Saved, bool CanEnter);
