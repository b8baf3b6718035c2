using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>Builds a post's page for this person (the GET, and a form posted back with errors).</summary>
public class CooperationPostPage(AppDbContext db, ReferenceCache reference, MarkdownRenderer markdown, CooperationBoard board,
    IAuthorizationService authorization)
{
    /// <summary>Null when there is no such post, or it is hidden and this person is no organiser.</summary>
    public async Task<CooperationPostViewModel?> BuildAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var p = await db.CooperationPosts.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                Post = p,
                Community = new CommunityChoice(p.CommunityId, p.Community!.Name, p.Community.Slug),
                CommunityTerritoryId = p.Community.TerritoryId,
                CommunityPublished = p.Community.Status == CommunityStatus.Published,
                // Scalars, each an index probe (an object's FirstOrDefault joins every community, numbered).
                MatchedName = db.Communities.Where(c => c.Id == p.MatchedCommunityId).Select(c => c.Name).FirstOrDefault(),
                MatchedSlug = db.Communities.Where(c => c.Id == p.MatchedCommunityId).Select(c => c.Slug).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        var organiser = Policies.IsOrganiser(user);
        if (p is null || (!p.Post.IsPublic && !organiser))
        {
            return null;
        }

        var post = p.Post;
        var matched = post.MatchedCommunityId is { } matchedId && p.MatchedName is not null && p.MatchedSlug is not null
            ? new CommunityChoice(matchedId, p.MatchedName, p.MatchedSlug)
            : null;
        var refData = await reference.GetAsync(ct);
        var canManage = post.IsPublic && (await authorization.AuthorizeAsync(user, new CommunityResource(post.CommunityId, p.Community.Slug), CommunityRequirement.Manage)).Succeeded;
        if (!p.CommunityPublished && !canManage && !organiser)
        {
            // A community that left the directory takes its posts with it; its leaders still see them.
            return null;
        }

        var canStartEvent = post.Status == CooperationStatus.Matched && matched is not null
            && (canManage || (await authorization.AuthorizeAsync(user, new CommunityResource(matched.Id, matched.Slug), CommunityRequirement.Manage)).Succeeded);
        var answers = !canManage ? [] : await db.CooperationAnswers.AsNoTracking()
            .Where(a => a.PostId == id && a.ReplyToId == null)
            .OrderByDescending(a => a.CreatedAt)
            .Select(a => new AnswerRow(a.Id, a.SenderName, a.CreatedAt, db.CooperationAnswers.Count(r => r.ReplyToId == a.Id)))
            .ToListAsync(ct);
        var culture = Cultures.Current;
        return new CooperationPostViewModel(post.Id, post.Title, markdown.Render(post.Body), post.Direction, post.Kind, post.Status,
            post.IsOpen(board.Today), p.Community.Name, p.Community.Slug, refData.PlaceLine(p.CommunityTerritoryId), refData.PlaceLine(post.TerritoryId),
            post.ThemeId is { } t && refData.ThemeById.TryGetValue(t, out var theme) ? theme.Name(culture) : null,
            post.ValidUntil, post.CreatedAt, matched, organiser ? post.HiddenReason : null)
        {
            CanManage = canManage,
            CanStartEvent = canStartEvent,
            SignedIn = user.Identity?.IsAuthenticated == true,
            Answers = answers,
        };
    }
}
