using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Cooperation.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>Answering a post through the portal, and the poster's leaders writing back: each message
/// is stored and relayed by e-mail with the sender's name and a link to the portal, never an
/// address, so neither side learns the other's. Reporting a post to the organisers.</summary>
[Authorize]
[Route("cooperation/{id:int}")]
public class CooperationAnswersController(AppDbContext db, CooperationPostPage page, CooperationRelay relay,
    UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<CooperationAnswersController> logger) : Controller
{
    [HttpPost("answer")]
    [FormRateLimit(WebExtensions.ContactRateLimit)]
    [SendCap]
    public async Task<IActionResult> Answer(int id, [Bind(Prefix = "Answer")] AnswerForm form, CancellationToken ct)
    {
        var post = await db.CooperationPosts.AsNoTracking().Where(p => p.Id == id && p.Status != CooperationStatus.Hidden)
            .Select(p => new { p.Id, p.Title, p.CommunityId, p.Community!.Name }).SingleOrDefaultAsync(ct);
        if (post is null)
        {
            return NotFound();
        }

        var model = await page.BuildAsync(id, User, ct);
        if (!model!.IsOpen)
        {
            ModelState.AddModelError("", t["Cooperation.NotOpen"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Show", model with { Answer = form });
        }

        await relay.AnswerAsync(new CooperationRelay.Post(post.Id, post.Title, post.CommunityId, post.Name), (await users.GetUserAsync(User))!, form.Message!, ct);
        TempData["Status"] = "Cooperation.AnswerSent";
        return Redirect(Links.Cooperation.Show(post.Id));
    }

    /// <summary>An answer and the replies to it, for the poster's leaders, with the form to write back.</summary>
    [AuthorizeCooperationPost]
    [HttpGet("answers/{answer:guid}")]
    public async Task<IActionResult> Conversation(int id, Guid answer, CancellationToken ct) =>
        await ConversationAsync(id, answer, new AnswerForm(), ct) is { } model ? View(model) : NotFound();

    [AuthorizeCooperationPost]
    [HttpPost("answers/{answer:guid}")]
    [FormRateLimit(WebExtensions.ContactRateLimit)]
    [SendCap]
    public async Task<IActionResult> Reply(int id, Guid answer, [Bind(Prefix = "Reply")] AnswerForm form, CancellationToken ct)
    {
        var original = await db.CooperationAnswers.AsNoTracking().Where(a => a.Id == answer && a.PostId == id && a.ReplyToId == null)
            .Select(a => new { a.Id, a.SenderId }).SingleOrDefaultAsync(ct);
        if (original is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Conversation", (await ConversationAsync(id, answer, form, ct))!);
        }

        await relay.ReplyAsync(id, original.Id, original.SenderId, (await users.GetUserAsync(User))!, form.Message!, ct);
        TempData["Status"] = "Cooperation.ReplySent";
        return Redirect(Links.Cooperation.Conversation(id, answer));
    }

    /// <summary>Anyone signed in reports a post to the organisers.</summary>
    [HttpPost("report")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Report(int id, [Bind(Prefix = "Report")] ReportForm form, CancellationToken ct)
    {
        var model = await page.BuildAsync(id, User, ct);
        if (model is null || model.Status == CooperationStatus.Hidden)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Show", model with { Report = form });
        }

        db.CooperationReports.Add(new CooperationReport
        {
            PostId = id,
            ReporterId = Policies.UserId(User),
            Reason = form.Reason!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Cooperation post {PostId} reported", id);
        TempData["Status"] = "Cooperation.Reported";
        return Redirect(Links.Cooperation.Show(id));
    }

    private async Task<ConversationViewModel?> ConversationAsync(int id, Guid answer, AnswerForm reply, CancellationToken ct)
    {
        var a = await db.CooperationAnswers.AsNoTracking().Where(a => a.Id == answer && a.PostId == id && a.ReplyToId == null)
            .Select(a => new
            {
                a.Id,
                a.SenderName,
                a.Message,
                a.CreatedAt,
                Title = db.CooperationPosts.Where(p => p.Id == id).Select(p => p.Title).Single(),
                Replies = db.CooperationAnswers.Where(r => r.ReplyToId == a.Id).OrderBy(r => r.CreatedAt)
                    .Select(r => new { r.SenderName, r.Message, r.CreatedAt }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return a is null ? null : new ConversationViewModel(id, a.Title, a.Id, a.SenderName, a.Message, a.CreatedAt,
            a.Replies.Select(r => (r.SenderName, r.Message, r.CreatedAt)).ToList(), reply);
    }
}
