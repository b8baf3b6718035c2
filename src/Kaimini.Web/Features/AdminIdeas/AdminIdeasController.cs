using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminIdeas;

/// <summary>The organisers' idea queue: every idea whatever its status; hide one with a reason,
/// restore it, merge a duplicate into another idea, link an idea to a forum and its group.</summary>
[Route("admin/ideas")]
[Authorize(Policy = Policies.Organiser)]
public class AdminIdeasController(AppDbContext db, IdeaQueries queries, IdeaWorkflow workflow, ReferenceCache reference,
    IStringLocalizer<SharedResource> t) : Controller
{
    public const int PageSize = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] IdeasQuery query, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var ideas = db.Ideas.AsNoTracking();
        if (query.Status is { } status)
        {
            ideas = ideas.Where(i => i.Status == status);
        }

        var filtered = IdeaQueries.Filter(ideas, query, refData);
        var results = await queries.PageAsync(filtered, IdeaQueries.Order(filtered, query.Sort), query.Page, PageSize, ct);
        return View(new IdeaListViewModel(query, results, refData, await queries.FilterForumsAsync(ct)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var page = await PageAsync(id, new HideForm(), new MergeForm(), null, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{id:int}/hide")]
    public async Task<IActionResult> Hide(int id, HideForm form, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (idea is null)
        {
            return NotFound();
        }

        if (!idea.CanBeHidden)
        {
            ModelState.AddModelError("", t["AdminIdeas.CannotHide"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Show", await PageAsync(id, form, new MergeForm(), null, ct));
        }

        await workflow.HideAsync(idea, form.Reason!, CurrentActor(), ct);
        TempData["Status"] = "AdminIdeas.Hidden";
        return Redirect(Links.Admin.Idea(id));
    }

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (idea is null)
        {
            return NotFound();
        }

        if (!idea.CanBeRestored)
        {
            ModelState.AddModelError("", t["AdminIdeas.CannotRestore"]);
            return View("Show", await PageAsync(id, new HideForm(), new MergeForm(), null, ct));
        }

        await workflow.RestoreAsync(idea, CurrentActor(), ct);
        TempData["Status"] = "AdminIdeas.Restored";
        return Redirect(Links.Admin.Idea(id));
    }

    [HttpPost("{id:int}/merge")]
    public async Task<IActionResult> Merge(int id, MergeForm form, CancellationToken ct)
    {
        if (!await db.Ideas.AnyAsync(i => i.Id == id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid && !await workflow.MergeAsync(id, form.TargetId!.Value, CurrentActor(), ct))
        {
            ModelState.AddModelError($"form.{nameof(form.TargetId)}", t["AdminIdeas.CannotMerge"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Show", await PageAsync(id, new HideForm(), form, null, ct));
        }

        TempData["Status"] = "AdminIdeas.Merged";
        return Redirect(Links.Admin.Idea(form.TargetId!.Value));
    }

    [HttpPost("{id:int}/link")]
    public async Task<IActionResult> Link(int id, LinkForm form, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (idea is null)
        {
            return NotFound();
        }

        var (forumId, group) = form.Parse();
        var forum = forumId is { } f ? await queries.ForumAsync(f, ct) : group is { } g ? await queries.ForumOfGroupAsync(g, ct) : null;
        if (!string.IsNullOrEmpty(form.Target) && forum is null)
        {
            ModelState.AddModelError($"form.{nameof(form.Target)}", t["Ideas.UnknownGroup"]);
            return View("Show", await PageAsync(id, new HideForm(), new MergeForm(), form, ct));
        }

        await workflow.LinkAsync(idea, forum, group, CurrentActor(), ct);
        TempData["Status"] = "AdminIdeas.Linked";
        return Redirect(Links.Admin.Idea(id));
    }

    private async Task<AdminIdeaViewModel?> PageAsync(int id, HideForm hide, MergeForm merge, LinkForm? link, CancellationToken ct)
    {
        var idea = await queries.DetailsAsync(id, null, ct);
        if (idea is null)
        {
            return null;
        }

        link ??= new LinkForm { Target = idea.ForumGroupId is { } g ? $"group-{g}" : idea.EventId is { } e ? $"forum-{e}" : "" };
        var current = idea.EventId is { } forumId ? await queries.ForumAsync(forumId, ct) : null;
        return new AdminIdeaViewModel(idea, await queries.ForumsAsync(current, ct), hide, merge, link);
    }

    private Actor CurrentActor() => Actor.Of(User);
}

public class HideForm
{
    [Display(Name = "Field.HideReason")]
    [Required]
    [StringLength(1000)]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }
}

public class MergeForm
{
    [Display(Name = "Field.MergeTarget")]
    [Required]
    [Range(1, int.MaxValue, ErrorMessage = "Validation.Invalid")]
    public int? TargetId { get; set; }
}

/// <summary>"forum-12" (the forum as a whole), "group-34" (one of its groups) or empty (no forum).</summary>
public class LinkForm
{
    [Display(Name = "Field.LinkTarget")]
    public string? Target { get; set; }

    /// <summary>The forum ("forum-{id}") or the group ("group-{id}") chosen; the caller finds it.</summary>
    public (int? ForumId, int? GroupId) Parse()
    {
        if (Target?.StartsWith("forum-") == true && int.TryParse(Target["forum-".Length..], out var forumId))
        {
            return (forumId, null);
        }

        if (Target?.StartsWith("group-") == true && int.TryParse(Target["group-".Length..], out var groupId))
        {
            return (null, groupId);
        }

        return (null, null);
    }
}

public sealed record AdminIdeaViewModel(IdeaDetails Idea, IReadOnlyList<ForumOption> Forums, HideForm Hide, MergeForm Merge, LinkForm Link);
