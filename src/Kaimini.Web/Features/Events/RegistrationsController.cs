using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Invitations;
using Kaimini.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Events;

/// <summary>The personal link from the confirmation: see the registration and cancel it, no account
/// needed. The link stops working once the event is over.</summary>
[Route("events/registrations/{token}")]
public class RegistrationsController(AppDbContext db, EventSignup signup, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var registration = await FindAsync(token, ct);
        return registration is null ? Unusable() : View(new RegistrationViewModel(token, registration.Name, registration.Status,
            registration.Event!.Title, registration.Event.Slug, registration.Event.StartsAt, registration.Event.Venue));
    }

    [HttpPost("cancel")]
    public async Task<IActionResult> Cancel(string token, CancellationToken ct)
    {
        var registration = await FindAsync(token, ct);
        if (registration is null)
        {
            return Unusable();
        }

        await signup.CancelAsync(registration, ct);
        TempData["Status"] = "SignUp.Cancelled";
        return Redirect($"/events/registrations/{token}");
    }

    private Task<EventRegistration?> FindAsync(string token, CancellationToken ct)
    {
        var hash = InvitationTokens.Hash(token);
        var now = clock.GetUtcNow();
        return db.EventRegistrations.Include(r => r.Event)
            .SingleOrDefaultAsync(r => r.ManageTokenHash == hash && r.Event!.EndsAt > now, ct);
    }

    private ViewResult Unusable()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Message", new MessageViewModel("Registration.Invalid.Title", "Registration.Invalid.Text", "Error.BackHome", "/"));
    }
}

public sealed record RegistrationViewModel(string Token, string Name, RegistrationStatus Status, string EventTitle, string EventSlug,
    DateTimeOffset StartsAt, string Venue);
