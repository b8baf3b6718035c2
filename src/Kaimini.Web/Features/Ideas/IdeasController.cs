using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Ideas;

/// <summary>Residents' ideas and needs: the public list, submitting one (with or without an account),
/// confirming it by e-mail, reading it with its history, and supporting it once.</summary>
[Route("ideas")]
public class IdeasController(AppDbContext db, IdeaQueries queries, IdeaWorkflow workflow, ReferenceCache reference,
    UserManager<AppUser> users, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : Controller
{
    public const int PageSize = 20;

    [OutputCache(PolicyName = PublicPageCache.IdeasPolicy, VaryByQueryKeys = ["q", "novads", "theme", "addressee", "answer", "forum", "kind", "implemented", "status", "sort", "page"])]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] IdeasQuery query, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var filtered = IdeaQueries.Filter(db.Ideas.AsNoTracking().Where(i => i.Status == IdeaStatus.Published), query, refData);
        var results = await queries.PageAsync(filtered, IdeaQueries.Order(filtered, query.Sort), query.Page, PageSize, ct);
        return View(new IdeaListViewModel(query, results, refData, await queries.FilterForumsAsync(ct)));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(string? forum, int? group, CancellationToken ct)
    {
        var chosen = forum is null ? null : await queries.ForumAsync(forum, ct);
        var forums = await queries.ForumsAsync(chosen, ct);
        var form = new IdeaForm();
        if (chosen is not null && chosen.Groups.Any(g => g.Id == group))
        {
            form.ForumGroupId = group;
        }

        if (await users.GetUserAsync(User) is { } user)
        {
            form.Name = user.DisplayName;
        }

        return View(new IdeaFormViewModel(form, !User.Identity!.IsAuthenticated, await reference.GetAsync(ct), forums));
    }

    [HttpPost("new")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Create(IdeaForm form, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var user = await users.GetUserAsync(User);
        if (!string.IsNullOrEmpty(form.Website))
        {
            // A bot: answer as if it worked, store nothing.
            return Redirect(Links.Ideas.CheckEmail);
        }

        // By the group's id, so a forum of any age takes ideas, not only those the form lists.
        var forum = form.ForumGroupId is { } gid ? await queries.ForumOfGroupAsync(gid, ct) : null;
        form.Validate(refData, forum, user is not null, ModelState, t);
        if (!ModelState.IsValid)
        {
            return View("New", new IdeaFormViewModel(form, user is null, refData, await queries.ForumsAsync(forum, ct)));
        }

        var idea = await workflow.SubmitAsync(form.ValuesFor(forum, user), ct);
        if (idea.Status == IdeaStatus.Unconfirmed)
        {
            return Redirect(Links.Ideas.CheckEmail);
        }

        TempData["Status"] = "Ideas.Published";
        return Redirect(Links.Ideas.Show(idea.Id));
    }

    [HttpGet("check-email")]
    public IActionResult CheckEmail() =>
        View("Message", new MessageViewModel("Ideas.CheckEmail.Title", "Ideas.CheckEmail.Text", "Ideas.BackToList", Links.Ideas.Index));

    /// <summary>The link from the confirmation e-mail shows the idea with a button that publishes
    /// it: a mail program that opens links by itself publishes nothing. Opened again after
    /// publishing, the link leads to the idea.</summary>
    [HttpGet("confirm/{token}")]
    public async Task<IActionResult> ConfirmPage(string token, CancellationToken ct)
    {
        var idea = await workflow.FindByConfirmationAsync(token, ct);
        if (idea is { Status: IdeaStatus.Published })
        {
            return Redirect(Links.Ideas.Show(idea.Id));
        }

        if (idea is null || !workflow.CanBeConfirmed(idea))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Message", new MessageViewModel("Ideas.ConfirmFailed.Title", "Ideas.ConfirmFailed.Text", "Ideas.BackToList", Links.Ideas.Index));
        }

        return View("Confirm", new IdeaConfirmViewModel(token, idea.Title, idea.Body));
    }

    [HttpPost("confirm/{token}")]
    public async Task<IActionResult> Confirm(string token, CancellationToken ct)
    {
        var idea = await workflow.ConfirmAsync(token, ct);
        if (idea is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Message", new MessageViewModel("Ideas.ConfirmFailed.Title", "Ideas.ConfirmFailed.Text", "Ideas.BackToList", Links.Ideas.Index));
        }

        TempData["Status"] = "Ideas.Confirmed";
        return Redirect(Links.Ideas.Show(idea.Id));
    }

    /// <summary>Published ideas for everyone; a merged one leads to the idea it joined; hidden and
    /// unconfirmed ones only for organisers.</summary>
    [OutputCache(PolicyName = PublicPageCache.IdeasPolicy, VaryByQueryKeys = ["from"])]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, int? from, CancellationToken ct)
    {
        var idea = await queries.DetailsAsync(id, users.GetUserId(User), ct);
        var resource = idea is null ? null : new IdeaResource(idea.Id, idea.AddressedTo);
        var canModerate = resource is not null && (await authorization.AuthorizeAsync(User, resource, IdeaRequirement.Moderate)).Succeeded;
        if (idea is { Status: IdeaStatus.Merged, MergedIntoId: { } target } && !canModerate)
        {
            return Redirect(Links.Ideas.MergedFrom(target, id));
        }

        // A hidden idea stays visible to its author, with the moderators' reason.
        if (idea is null || (idea.Status != IdeaStatus.Published && !canModerate && !(idea.Status == IdeaStatus.Hidden && idea.IsMine)))
        {
            return NotFound();
        }

        // Only an idea that really was merged into this one is named.
        var mergedFrom = from is { } f && idea.History.Any(h => h.Kind == IdeaHistoryKind.Merged && h.RelatedIdeaId == f) ? from : null;
        var canAnswer = (await authorization.AuthorizeAsync(User, resource!, IdeaRequirement.Answer)).Succeeded;
        var canImplement = (await authorization.AuthorizeAsync(User, resource!, IdeaRequirement.Implement)).Succeeded;
        return View(new IdeaPageViewModel(idea, mergedFrom, User.Identity?.IsAuthenticated == true, canModerate, canAnswer, canImplement));
    }

    [Authorize]
    [HttpPost("{id:int}/support")]
    public async Task<IActionResult> Support(int id, CancellationToken ct)
    {
        var status = await db.Ideas.Where(i => i.Id == id).Select(i => (IdeaStatus?)i.Status).SingleOrDefaultAsync(ct);
        if (status != IdeaStatus.Published)
        {
            return NotFound();
        }

        var counted = await workflow.SupportAsync(id, users.GetUserId(User)!, ct);
        TempData["Status"] = counted ? "Ideas.Supported" : "Ideas.AlreadySupported";
        return Redirect(Links.Ideas.Show(id));
    }
}

public sealed record IdeaConfirmViewModel(string Token, string Title, string Body);
