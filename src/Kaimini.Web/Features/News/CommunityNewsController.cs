using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.News;

/// <summary>A community's leaders (and organisers: whoever may edit its profile) publish, correct
/// and remove its news. An item of another community is not found here.</summary>
[Authorize]
[AuthorizeCommunity]
[Route("communities/{slug}/news")]
public class CommunityNewsController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<CommunityNewsController> logger) : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(string slug, CancellationToken ct) =>
        View("Form", new NewsFormViewModel(new NewsForm(), slug, await CommunityNameAsync(ct), null));

    [HttpPost("new")]
    public async Task<IActionResult> Create(string slug, NewsForm form, CancellationToken ct)
    {
        if (!Check(form))
        {
            return View("Form", new NewsFormViewModel(form, slug, await CommunityNameAsync(ct), null));
        }

        var item = NewsItem.Publish(Community.Id, form.Title!, form.Body!, form.Link, clock.GetUtcNow());
        db.News.Add(item);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("News {NewsId} published for community {CommunityId} by {UserId}", item.Id, Community.Id, Policies.UserId(User));
        TempData["Status"] = "News.Published";
        return Redirect(Links.News.Show(item.Id));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(string slug, int id, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        return item is null ? NotFound() : View("Form", new NewsFormViewModel(NewsForm.From(item), slug, await CommunityNameAsync(ct), id));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Update(string slug, int id, NewsForm form, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        if (!Check(form))
        {
            return View("Form", new NewsFormViewModel(form, slug, await CommunityNameAsync(ct), id));
        }

        item.Edit(form.Title!, form.Body!, form.Link, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("News {NewsId} edited by {UserId}", item.Id, Policies.UserId(User));
        TempData["Status"] = "News.Saved";
        return Redirect(Links.News.Show(item.Id));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(string slug, int id, CancellationToken ct)
    {
        var item = await LoadAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        db.News.Remove(item);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("News {NewsId} deleted by {UserId}", id, Policies.UserId(User));
        TempData["Status"] = "News.Deleted";
        return Redirect(Links.News.In("community", slug));
    }

    private CommunityResource Community => (CommunityResource)HttpContext.Items[typeof(CommunityResource)]!;

    private Task<NewsItem?> LoadAsync(int id, CancellationToken ct) =>
        db.News.SingleOrDefaultAsync(n => n.Id == id && n.CommunityId == Community.Id, ct);

    private Task<string> CommunityNameAsync(CancellationToken ct) =>
        db.Communities.Where(c => c.Id == Community.Id).Select(c => c.Name).SingleAsync(ct);

    /// <summary>The attributes' checks, then the link's (http or https only).</summary>
    private bool Check(NewsForm form)
    {
        if (!NewsItem.IsAcceptableLink(form.Link))
        {
            ModelState.AddModelError($"form.{nameof(form.Link)}", t["Community.Error.Url"]);
        }

        return ModelState.IsValid && !string.IsNullOrWhiteSpace(form.Title) && !string.IsNullOrWhiteSpace(form.Body);
    }
}
