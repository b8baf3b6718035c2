using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Events;
using Kaimini.Web.Features.Privacy;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Privacy;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.RegistrationData;

/// <summary>What the portal holds about someone who signed up without an account, through their
/// manage link: see it and erase it. Unlike changing the registration this works after the event
/// too, until the retention job anonymises it.</summary>
[Route("events/registrations/{token}/data")]
public class RegistrationDataController(AppDbContext db, EventSignup signup, ReferenceCache reference,
    IOptions<PrivacyOptions> privacy, TimeProvider clock, ILogger<RegistrationDataController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var registration = await FindAsync(token, ct);
        if (registration is null)
        {
            return Unusable();
        }

        var places = (await reference.GetAsync(ct)).TerritoryById;
        var community = registration.CommunityId is { } id
            ? await db.Communities.Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(ct)
            : registration.CommunityName;
        return View(new RegistrationDataViewModel(token, registration.Event!.LocalTitle(), registration.Event!.Slug, registration.Event.StartsAt,
            registration.Name, registration.Email, registration.ParticipantType,
            registration.TerritoryId is { } t && places.TryGetValue(t, out var place) ? place.Name : null,
            community, registration.AccessibilityNeeds, registration.ListConsent, registration.Status, registration.CreatedAt,
            registration.CheckedInAt, registration.Event.EndsAt.AddMonths(privacy.Value.KeepRegistrationsMonths)));
    }

    /// <summary>Removes the name, address and needs at once (keeping what reports count) and ends
    /// the link; a registration for an event still to come is cancelled first, so its place goes to
    /// the next person waiting.</summary>
    [HttpPost("erase")]
    public async Task<IActionResult> Erase(string token, CancellationToken ct)
    {
        var registration = await FindAsync(token, ct);
        if (registration is null)
        {
            return Unusable();
        }

        var now = clock.GetUtcNow();
        if (registration.Status != RegistrationStatus.Cancelled && registration.Event!.EndsAt > now)
        {
            await signup.CancelAsync(registration, ct);
        }

        registration.Anonymise(now);
        registration.ManageTokenHash = LinkTokens.Create().Hash;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Registration {RegistrationId} erased by its holder", registration.Id);
        TempData["Status"] = "RegistrationData.Erased";
        return LocalRedirect(Links.Home);
    }

    private Task<EventRegistration?> FindAsync(string token, CancellationToken ct)
    {
        var hash = LinkTokens.Hash(token);
        return db.EventRegistrations.Include(r => r.Event)
            .SingleOrDefaultAsync(r => r.ManageTokenHash == hash && r.AnonymisedAt == null, ct);
    }

    private ViewResult Unusable()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Message", new MessageViewModel("Registration.Invalid.Title", "Registration.Invalid.Text", "Error.BackHome", "/"));
    }
}

public sealed record RegistrationDataViewModel(string Token, LocalText EventTitle, string EventSlug, DateTimeOffset StartsAt,
    string Name, string Email, ParticipantType ParticipantType, string? HomeTerritory, string? Community, string? AccessibilityNeeds,
    bool ListConsent, RegistrationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CheckedInAt, DateTimeOffset KeptUntil);
