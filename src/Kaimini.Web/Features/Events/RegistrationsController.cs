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
public class RegistrationsController(AppDbContext db, EventSignup signup, ReferenceCache reference, TimeProvider clock,
    ILogger<RegistrationsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var registration = await FindAsync(token, ct);
        return registration is null ? Unusable() : View(await ViewModelAsync(token, registration, new RegistrationChangeForm
        {
            Name = registration.Name,
            TerritoryId = registration.TerritoryId,
            AccessibilityNeeds = registration.AccessibilityNeeds,
            ListConsent = registration.ListConsent,
        }, ct));
    }

    /// <summary>Changes what the person may change without an account: their name as listed, where
    /// they live, accessibility needs and whether they appear on the attendee list.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Update(string token, RegistrationChangeForm form, CancellationToken ct)
    {
        var registration = await FindAsync(token, ct);
        if (registration is null)
        {
            return Unusable();
        }

        if (form.TerritoryId is { } territoryId && !(await reference.GetAsync(ct)).TerritoryById.ContainsKey(territoryId))
        {
            ModelState.AddModelError("form.TerritoryId", HttpContext.RequestServices
                .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource>>()["Community.Error.Territory"]);
        }

        if (!ModelState.IsValid || registration.Status == RegistrationStatus.Cancelled)
        {
            return View("Show", await ViewModelAsync(token, registration, form, ct));
        }

        registration.Name = form.Name!.Trim();
        registration.TerritoryId = form.TerritoryId;
        registration.AccessibilityNeeds = string.IsNullOrWhiteSpace(form.AccessibilityNeeds) ? null : form.AccessibilityNeeds.Trim();
        registration.ListConsent = form.ListConsent;
        // Saved through the link from the e-mail: the address is theirs.
        registration.EmailConfirmedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Registration {RegistrationId} changed by its holder", registration.Id);
        TempData["Status"] = "Registration.Changed";
        return Redirect($"/events/registrations/{token}");
    }

    private async Task<RegistrationViewModel> ViewModelAsync(string token, EventRegistration registration, RegistrationChangeForm form, CancellationToken ct) =>
        new(token, registration.Name, registration.Status, registration.Event!.Title, registration.Event.Slug, registration.Event.StartsAt,
            registration.Event.Venue, form, await reference.GetAsync(ct), registration.EmailConfirmedAt is not null);

    /// <summary>Confirms the address with a press of a button on the page the e-mailed link opens
    /// (opening the link alone confirms nothing, so mail scanners can't): the name may then be listed.</summary>
    [HttpPost("confirm")]
    public async Task<IActionResult> Confirm(string token, CancellationToken ct)
    {
        var registration = await FindAsync(token, ct);
        if (registration is null)
        {
            return Unusable();
        }

        if (registration.EmailConfirmedAt is null)
        {
            registration.EmailConfirmedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Registration {RegistrationId}: address confirmed", registration.Id);
        }

        TempData["Status"] = "Registration.Confirmed";
        return Redirect($"/events/registrations/{token}");
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
    DateTimeOffset StartsAt, string Venue, RegistrationChangeForm Form, ReferenceData Reference, bool EmailConfirmed);

public class RegistrationChangeForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.DisplayName")]
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Validation.Required")]
    [System.ComponentModel.DataAnnotations.StringLength(100, ErrorMessage = "Validation.MaxLength")]
    public string? Name { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.HomeTerritory")]
    public int? TerritoryId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.AccessibilityNeeds")]
    [System.ComponentModel.DataAnnotations.StringLength(500, ErrorMessage = "Validation.MaxLength")]
    public string? AccessibilityNeeds { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.ListConsent")]
    public bool ListConsent { get; set; }
}
