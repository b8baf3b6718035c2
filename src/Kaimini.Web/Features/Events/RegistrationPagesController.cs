using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Events;

/// <summary>What the holder may do with their registration: see it, change it, confirm the address
/// and cancel it (after a page that asks). Reached through the personal link
/// (<see cref="RegistrationsController"/>) or, signed in, from "My registrations"
/// (<c>MyRegistrationsController</c>); each says how a registration is found
/// and where its pages are. Nothing works once the event is over.</summary>
public abstract class RegistrationPagesController(AppDbContext db, EventSignup signup, ReferenceCache reference, TimeProvider clock,
    IStringLocalizer<SharedResource> t, ILogger logger) : Controller
{
    private const string RegistrationView = "Registration";

    protected AppDbContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    /// <summary>The registration the key opens, with its event, if the event is not over.</summary>
    protected abstract Task<EventRegistration?> FindAsync(string key, CancellationToken ct);

    /// <summary>The address of the registration's page.</summary>
    protected abstract string PathOf(string key);

    /// <summary>Where the holder downloads what is kept about them; null when another page does.</summary>
    protected virtual string? DataPathOf(string key) => null;

    protected bool OverOrMissing(EventRegistration? registration) => registration?.Event is null || registration.Event.EndsAt <= Clock.GetUtcNow();

    protected async Task<IActionResult> ShowPageAsync(string key, CancellationToken ct)
    {
        var registration = await FindAsync(key, ct);
        return registration is null ? Unusable() : View(RegistrationView, await ViewModelAsync(key, registration, new RegistrationChangeForm
        {
            Name = registration.Name,
            TerritoryId = HomeTerritory.ToForm(registration.TerritoryId),
            AccessibilityNeeds = registration.AccessibilityNeeds,
            ListConsent = registration.ListConsent,
        }, ct));
    }

    /// <summary>Changes what the person may change without an account: their name as listed, where
    /// they live, accessibility needs and whether they appear on the attendee list.</summary>
    protected async Task<IActionResult> UpdateAsync(string key, RegistrationChangeForm form, CancellationToken ct)
    {
        var registration = await FindAsync(key, ct);
        if (registration is null)
        {
            return Unusable();
        }

        if (form.TerritoryId is { } territoryId && !HomeTerritory.IsKnown(await reference.GetAsync(ct), territoryId))
        {
            ModelState.AddModelError("form.TerritoryId", t["Community.Error.Territory"]);
        }

        if (!ModelState.IsValid || registration.Status == RegistrationStatus.Cancelled)
        {
            return View(RegistrationView, await ViewModelAsync(key, registration, form, ct));
        }

        registration.Name = form.Name!.Trim();
        registration.TerritoryId = HomeTerritory.ToStored(form.TerritoryId);
        registration.AccessibilityNeeds = string.IsNullOrWhiteSpace(form.AccessibilityNeeds) ? null : form.AccessibilityNeeds.Trim();
        registration.ListConsent = form.ListConsent;
        // Saved by its holder (the e-mailed link, or the account of the address): the address is theirs.
        registration.EmailConfirmedAt ??= Clock.GetUtcNow();
        await Db.SaveChangesAsync(ct);
        logger.LogInformation("Registration {RegistrationId} changed by its holder", registration.Id);
        TempData["Status"] = "Registration.Changed";
        return Redirect(PathOf(key));
    }

    /// <summary>Confirms the address with a press of a button on the page the e-mailed link opens
    /// (opening the link alone confirms nothing, so mail scanners can't): the name may then be listed.</summary>
    protected async Task<IActionResult> ConfirmAsync(string key, CancellationToken ct)
    {
        var registration = await FindAsync(key, ct);
        if (registration is null)
        {
            return Unusable();
        }

        if (registration.EmailConfirmedAt is null)
        {
            registration.EmailConfirmedAt = Clock.GetUtcNow();
            await Db.SaveChangesAsync(ct);
            logger.LogInformation("Registration {RegistrationId}: address confirmed", registration.Id);
        }

        TempData["Status"] = "Registration.Confirmed";
        return Redirect(PathOf(key));
    }

    /// <summary>Asks before cancelling; the button posts to the same address.</summary>
    protected async Task<IActionResult> CancelPageAsync(string key, CancellationToken ct)
    {
        var registration = await FindAsync(key, ct);
        if (registration is null)
        {
            return Unusable();
        }

        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return Redirect(PathOf(key));
        }

        var ev = registration.Event!;
        return View("~/Features/Shared/ConfirmCancel.cshtml", new ConfirmCancelViewModel(
            t["Registration.CancelTitle", ev.LocalTitle()],
            [(t["Registration.Event"], ev.LocalTitle().Text), (t["Registration.When"], $"{RigaTime.DateTime(ev.StartsAt)}, {ev.Venue}"),
                (t["Registration.Status"], t[$"RegistrationStatus.{registration.Status}"])],
            t[registration.Status == RegistrationStatus.Confirmed ? "Registration.CancelQuestion" : "Registration.CancelQuestionWaiting"],
            $"{PathOf(key)}/cancel", t["Registration.CancelSubmit"], PathOf(key), t["Registration.CancelKeep"]));
    }

    protected async Task<IActionResult> CancelAsync(string key, CancellationToken ct)
    {
        var registration = await FindAsync(key, ct);
        if (registration is null)
        {
            return Unusable();
        }

        await signup.CancelAsync(registration, ct);
        TempData["Status"] = "SignUp.Cancelled";
        return Redirect(PathOf(key));
    }

    private async Task<RegistrationViewModel> ViewModelAsync(string key, EventRegistration registration, RegistrationChangeForm form, CancellationToken ct) =>
        new(PathOf(key), DataPathOf(key), registration.Name, registration.Status, registration.Event!.LocalTitle(), registration.Event!.Slug,
            registration.Event.StartsAt, registration.Event.Venue, form, await reference.GetAsync(ct), registration.EmailConfirmedAt is not null);

    protected ViewResult Unusable()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Message", new MessageViewModel("Registration.Invalid.Title", "Registration.Invalid.Text", "Error.BackHome", "/"));
    }
}

/// <param name="Path">The registration page's address: the personal link, or the account's page.</param>
/// <param name="DataPath">Where the holder downloads what is kept about them, through the personal link.</param>
public sealed record RegistrationViewModel(string Path, string? DataPath, string Name, RegistrationStatus Status, LocalText EventTitle, string EventSlug,
    DateTimeOffset StartsAt, string Venue, RegistrationChangeForm Form, ReferenceData Reference, bool EmailConfirmed);

public class RegistrationChangeForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.DisplayName")]
    [System.ComponentModel.DataAnnotations.Required]
    [System.ComponentModel.DataAnnotations.StringLength(100)]
    public string? Name { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.HomeTerritory")]
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Validation.Choose")]
    public int? TerritoryId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.AccessibilityNeeds")]
    [System.ComponentModel.DataAnnotations.StringLength(500)]
    public string? AccessibilityNeeds { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Field.ListConsent")]
    public bool ListConsent { get; set; }
}
