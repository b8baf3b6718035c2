using Kaimini.Web.Data;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Digest;

/// <summary>Turning the weekly digest off from its link, without logging in. GET only asks (link
/// scanners open links); POST turns it off, and is what RFC 8058 one-click mail clients send.</summary>
[Route("unsubscribe/digest/{token}")]
public class DigestUnsubscribeController(AppDbContext db, DigestUnsubscribeLinks links, ILogger<DigestUnsubscribeController> logger) : Controller
{
    [HttpGet("")]
    public IActionResult Confirm(string token) =>
        links.UserIdFrom(token) is null ? InvalidLink() : View(new DigestUnsubscribeViewModel(token));

    // Mail clients post without a token of ours; turning someone's digest off by forgery needs the
    // protected link, and is harmless besides.
    [HttpPost("")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Unsubscribe(string token, CancellationToken ct)
    {
        var userId = links.UserIdFrom(token);
        if (userId is null)
        {
            return InvalidLink();
        }

        // A deleted account's link finds nobody, and there is nothing left to turn off.
        if (await db.Users.Where(u => u.Id == userId && u.WeeklyDigest).ExecuteUpdateAsync(s => s.SetProperty(u => u.WeeklyDigest, false), ct) > 0)
        {
            logger.LogInformation("An account turned the weekly digest off from its link");
        }

        return View("Message", new MessageViewModel("Digest.Unsubscribed.Title", "Digest.Unsubscribed.Text", "Digest.Unsubscribed.Profile", Links.Account.Profile));
    }

    private ViewResult InvalidLink()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Message", new MessageViewModel("Unsubscribe.Invalid.Title", "Unsubscribe.Invalid.Text", "Error.BackHome", Links.Home));
    }
}

public sealed record DigestUnsubscribeViewModel(string Token);
