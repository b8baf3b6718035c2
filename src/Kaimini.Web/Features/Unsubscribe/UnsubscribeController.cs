using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaimini.Web.Features.Unsubscribe;

/// <summary>Unsubscribing from non-essential mail without logging in. GET only asks (link scanners
/// open links); POST unsubscribes, and is what RFC 8058 one-click mail clients send.</summary>
[Route("unsubscribe/{token}")]
public class UnsubscribeController(AppDbContext db, UnsubscribeLinks links, TimeProvider clock, ILogger<UnsubscribeController> logger)
    : Controller
{
    [HttpGet("")]
    public IActionResult Confirm(string token)
    {
        var email = links.EmailFrom(token);
        if (email is null)
        {
            return InvalidLink();
        }

        return View(new UnsubscribeViewModel(token, email));
    }

    // Mail clients post without a token of ours; unsubscribing someone by forgery needs the
    // protected link, and is harmless besides.
    [HttpPost("")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Unsubscribe(string token, CancellationToken ct)
    {
        var email = links.EmailFrom(token);
        if (email is null)
        {
            return InvalidLink();
        }

        if (!await db.EmailSuppressions.AnyAsync(s => s.Email == email, ct))
        {
            db.EmailSuppressions.Add(new EmailSuppression { Email = email, CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogInformation("An address unsubscribed from non-essential mail");
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Two clicks at once: the other one recorded it.
            }
        }

        return View("Message", new MessageViewModel("Unsubscribe.Done.Title", "Unsubscribe.Done.Text", "Error.BackHome", "/"));
    }

    private ViewResult InvalidLink()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Message", new MessageViewModel("Unsubscribe.Invalid.Title", "Unsubscribe.Invalid.Text", "Error.BackHome", "/"));
    }
}

public sealed record UnsubscribeViewModel(string Token, string Email);
