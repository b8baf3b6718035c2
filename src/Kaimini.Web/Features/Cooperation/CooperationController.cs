using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>The cooperation board: communities' offers and requests, browsed by anyone, posted,
/// edited, matched and closed by the community's leaders.</summary>
[Route("cooperation")]
public class CooperationController(AppDbContext db, CooperationBoard board, CooperationPostPage page, ReferenceCache reference,
    IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<CooperationController> logger) : Controller
{
    /// <summary>The open posts as an Atom feed (<see cref="CooperationFeedSource"/>).</summary>
    [HttpGet("feed")]
    public async Task<IActionResult> Feed([FromServices] Infrastructure.Feeds.AtomFeeds feeds, CancellationToken ct) =>
        Infrastructure.Feeds.AtomFeeds.Result(await feeds.BuildAsync(t["Cooperation.FeedTitle"], Links.Cooperation.Feed, Links.Cooperation.Index,
            Infrastructure.Feeds.FeedScope.Network, ct, CooperationFeedSource.Key));

    /// <summary>Not output-cached: a post leaves the list at midnight on its last day, which no save evicts.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CooperationQuery query, CancellationToken ct)
    {
        var (results, refData) = await board.SearchAsync(query, ct);
        return View(new CooperationListViewModel(query, results, refData, User.Identity?.IsAuthenticated == true));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct) =>
        await page.BuildAsync(id, User, ct) is { } model ? View(model) : NotFound();

    /// <summary>A new post for a community this person leads (?community={slug} chooses it).</summary>
    [Authorize]
    [HttpGet("new")]
    public async Task<IActionResult> New(string? community, CancellationToken ct)
    {
        var named = community is null ? null : await db.Communities.AsNoTracking().Where(c => c.Slug == community).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        var choices = await ChoicesAsync(named, ct);
        if (choices.Count == 0)
        {
            return Forbid();
        }

        var form = new CooperationPostForm
        {
            CommunityId = choices.FirstOrDefault(c => c.Id == named)?.Id ?? (choices.Count == 1 ? choices[0].Id : null),
            ValidUntil = CooperationPost.DefaultValidUntil(board.Today),
        };
        return View("PostForm", new CooperationFormViewModel(form, null, choices, await reference.GetAsync(ct)));
    }

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> Create(CooperationPostForm form, CancellationToken ct)
    {
        var choices = await ChoicesAsync(form.CommunityId, ct);
        if (choices.Count == 0)
        {
            return Forbid();
        }

        var (community, allowed) = await CommunityToPostForAsync(form.CommunityId, choices, ct);
        if (!allowed)
        {
            return Forbid();
        }

        var territory = await CheckAsync(form, community?.TerritoryId, ct);
        if (!ModelState.IsValid || community is null || territory is null)
        {
            return View("PostForm", new CooperationFormViewModel(form, null, choices, await reference.GetAsync(ct)));
        }

        var post = new CooperationPost { CommunityId = community.Id, Title = "", Body = "", CreatedById = Policies.UserId(User), CreatedAt = clock.GetUtcNow() };
        await ApplyAsync(post, form, territory, post.CreatedAt, ct);
        db.CooperationPosts.Add(post);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Cooperation post {PostId} created for community {CommunityId}", post.Id, community.Id);
        TempData["Status"] = "Cooperation.Posted";
        return Redirect(Links.Cooperation.Show(post.Id));
    }

    [AuthorizeCooperationPost]
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var post = await db.CooperationPosts.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        if (!post.CanBeChanged)
        {
            return NotFound();
        }

        return await FormViewAsync(CooperationPostForm.From(post), post, ct);
    }

    [AuthorizeCooperationPost]
    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Update(int id, CooperationPostForm form, CancellationToken ct)
    {
        var post = await db.CooperationPosts.SingleAsync(p => p.Id == id, ct);
        if (!post.CanBeChanged)
        {
            return NotFound();
        }

        // The community is not changed by an edit (the form does not offer it).
        form.CommunityId = post.CommunityId;
        ModelState.Remove($"form.{nameof(form.CommunityId)}");
        var communityTerritory = await db.Communities.Where(c => c.Id == post.CommunityId).Select(c => c.TerritoryId).SingleAsync(ct);
        var territory = await CheckAsync(form, communityTerritory, ct);
        if (!ModelState.IsValid || territory is null)
        {
            return await FormViewAsync(form, post, ct);
        }

        await ApplyAsync(post, form, territory, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Cooperation.Saved";
        return Redirect(Links.Cooperation.Show(post.Id));
    }

    /// <summary>Marks the post matched, optionally naming the community (by name or its page's address).</summary>
    [AuthorizeCooperationPost]
    [HttpPost("{id:int}/match")]
    public async Task<IActionResult> Match(int id, [Bind(Prefix = "Match")] MatchForm form, CancellationToken ct)
    {
        var post = await db.CooperationPosts.SingleAsync(p => p.Id == id, ct);
        var with = await PartnerAsync(form, post, ct);
        if (!post.CanBeChanged)
        {
            ModelState.AddModelError("", t["Cooperation.NotOpen"]);
        }

        if (!ModelState.IsValid)
        {
            var model = await page.BuildAsync(id, User, ct);
            return View("Show", model! with { Match = form });
        }

        post.Match(with?.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Cooperation post {PostId} matched with community {CommunityId}", post.Id, with?.Id);
        TempData["Status"] = "Cooperation.Matched";
        return Redirect(Links.Cooperation.Show(post.Id));
    }

    [AuthorizeCooperationPost]
    [HttpPost("{id:int}/close")]
    public async Task<IActionResult> Close(int id, CancellationToken ct)
    {
        var post = await db.CooperationPosts.SingleAsync(p => p.Id == id, ct);
        if (post.CanBeChanged)
        {
            post.Close(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            TempData["Status"] = "Cooperation.Closed";
        }

        return Redirect(Links.Cooperation.Show(post.Id));
    }

    private async Task<IReadOnlyList<CommunityChoice>> ChoicesAsync(int? named, CancellationToken ct) =>
        await board.CommunitiesForAsync(Policies.UserId(User)!, Policies.IsOrganiser(User), named, ct);

    private async Task<IActionResult> FormViewAsync(CooperationPostForm form, CooperationPost post, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == post.CommunityId)
            .Select(c => new CommunityChoice(c.Id, c.Name, c.Slug)).SingleAsync(ct);
        return View("PostForm", new CooperationFormViewModel(form, post.Id, [community], await reference.GetAsync(ct)));
    }

    /// <summary>Checks what needs the reference data and the clock; returns the territory (the
    /// community's when none is chosen).</summary>
    private async Task<Territory?> CheckAsync(CooperationPostForm form, int? communityTerritoryId, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        if (form.ThemeId is { } theme && !refData.ThemeById.ContainsKey(theme))
        {
            ModelState.AddModelError($"form.{nameof(form.ThemeId)}", t["Ideas.UnknownTheme"]);
        }

        if (form.ValidUntil is { } until && CooperationPost.CheckValidUntil(until, board.Today) is { } error)
        {
            ModelState.AddModelError($"form.{nameof(form.ValidUntil)}", t[error, CooperationPost.MaxValidDays]);
        }

        var territoryId = form.TerritoryId ?? communityTerritoryId;
        if (territoryId is not { } tid)
        {
            return null;
        }

        var territory = await db.Territories.SingleOrDefaultAsync(x => x.Id == tid, ct);
        if (territory is null || territory.Kind == TerritoryKind.FormerNovads)
        {
            ModelState.AddModelError($"form.{nameof(form.TerritoryId)}", t["Ideas.UnknownTerritory"]);
            return null;
        }

        return territory;
    }

    private async Task ApplyAsync(CooperationPost post, CooperationPostForm form, Territory territory, DateTimeOffset now, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        post.Direction = form.Direction!.Value;
        post.Kind = form.Kind!.Value;
        post.ThemeId = form.ThemeId;
        post.PlaceIn(territory);
        post.Title = form.Title!.Trim();
        post.Body = form.Body!.Trim();
        post.ValidUntil = form.ValidUntil!.Value;
        post.SearchDocument = CooperationPost.SearchDocumentFor(post.Title, post.Body, refData.PlaceNames(territory.Id));
        post.UpdatedAt = now;
    }

    /// <summary>The community a new post is for: one of the person's choices that they may manage
    /// (none named yet: the form asks again); anything else is refused.</summary>
    private async Task<(Community? Community, bool Allowed)> CommunityToPostForAsync(int? named, IReadOnlyList<CommunityChoice> choices, CancellationToken ct)
    {
        var community = named is { } id ? await db.Communities.SingleOrDefaultAsync(c => c.Id == id, ct) : null;
        var allowed = community is null || (choices.Any(c => c.Id == community.Id)
            && (await authorization.AuthorizeAsync(User, new CommunityResource(community.Id, community.Slug), CommunityRequirement.Manage)).Succeeded);
        return (community, allowed);
    }

    /// <summary>The community a match names (by name or its page's address), if any: another one
    /// from the directory, else a form error.</summary>
    private async Task<CommunityChoice?> PartnerAsync(MatchForm form, CooperationPost post, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.Community))
        {
            return null;
        }

        var with = await CommunityFinder.FindOneAsync(db, form.Community, ct);
        if (with is null || with.Id == post.CommunityId)
        {
            ModelState.AddModelError("Match.Community", t[with is null ? "Cooperation.UnknownCommunity" : "Cooperation.OwnCommunity"]);
        }

        return with;
    }
}
