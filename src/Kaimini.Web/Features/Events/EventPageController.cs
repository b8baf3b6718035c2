using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Events;

/// <summary>An event's page, and signing up for it with or without an account.</summary>
[Route("events")]
public class EventPageController(AppDbContext db, EventSignup signup, EventPage page, ReferenceCache reference, UserManager<AppUser> users,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, string? invitation, CancellationToken ct)
    {
        var form = new SignUpForm { Invitation = invitation };
        if (await users.GetUserAsync(User) is { } user)
        {
            form.Name = user.DisplayName;
            form.Email = user.Email;
        }

        var model = await page.BuildAsync(slug, form, User, ct);
        if (model is null)
        {
            return NotFound();
        }

        if (model.Invitation is { } invited)
        {
            form.Email = invited.Email;
            if (Enum.TryParse<ParticipantType>(invited.Role, out var quota))
            {
                form.ParticipantType = quota;
            }
        }
        else
        {
            form.Invitation = null;
        }

        return View(model);
    }

    /// <summary>The address the form posts to, opened again (a reload after the post, a bookmark):
    /// the event's page, where the form and the person's registration are.</summary>
    [HttpGet("{slug}/sign-up")]
    public IActionResult SignUpAgain(string slug) => Redirect(Links.Events.SignUpSection(slug));

    [HttpPost("{slug}/sign-up")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> SignUp(string slug, SignUpForm form, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug && e.Status != EventStatus.Draft).Select(e => new { e.Id }).SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return NotFound();
        }

        var userId = users.GetUserId(User);
        var account = userId is null ? null : await users.GetUserAsync(User);
        await CheckAsync(form, userId, account, ct);
        if (!ModelState.IsValid)
        {
            return View("Show", await page.BuildAsync(slug, form, User, ct));
        }

        var ngo = form.ParticipantType == ParticipantType.NgoRepresentative;
        var (outcome, _) = await signup.SignUpAsync(ev.Id, new SignUpValues(form.Name!, form.Email!, form.ParticipantType, HomeTerritory.ToStored(form.TerritoryId),
            form.AccessibilityNeeds, form.ListConsent, userId, ngo ? form.CommunityId : null, ngo && form.CommunityId is null ? form.CommunityName : null,
            OwnAccountAddress: account is not null, QuotaEligible: await QuotaEligibleAsync(form, userId, ct), InvitationToken: form.Invitation), ct);
        if (outcome is not (SignUpOutcome.Confirmed or SignUpOutcome.Waitlisted))
        {
            var model = await page.BuildAsync(slug, form, User, ct);
            // Beside the address where the form stays (an invitation's link with another address);
            // otherwise above the words saying who may sign up.
            ModelState.AddModelError(outcome == SignUpOutcome.NotInvited && model?.Access == SignUpAccess.Open ? "form.Email" : "", t[$"SignUp.{outcome}"]);
            return View("Show", model);
        }

        TempData["Status"] = $"SignUp.{outcome}";
        return Redirect(Links.Events.Show(slug));
    }

    /// <summary>The rules that need the database or the account, into ModelState.</summary>
    private async Task CheckAsync(SignUpForm form, string? userId, AppUser? account, CancellationToken ct)
    {
        if (account is not null && form.Email is not null
            && !string.Equals(form.Email.Trim(), account.Email, StringComparison.OrdinalIgnoreCase))
        {
            // Signed in, the sign-up is the account's: someone else's address would make them the holder.
            ModelState.AddModelError("form.Email", t["SignUp.Error.OwnAddress"]);
        }

        if (form.CommunityId is { } communityId && (userId is null
            || !await db.CommunityMemberships.AnyAsync(m => m.UserId == userId && m.CommunityId == communityId, ct)))
        {
            ModelState.AddModelError("form.CommunityId", t["SignUp.Error.Community"]);
        }

        if (form.TerritoryId is { } territoryId && !HomeTerritory.IsKnown(await reference.GetAsync(ct), territoryId))
        {
            ModelState.AddModelError("form.TerritoryId", t["Community.Error.Territory"]);
        }

        if (form.ParticipantType == ParticipantType.NgoRepresentative && form.CommunityId is null && string.IsNullOrWhiteSpace(form.CommunityName))
        {
            // Only NGO representatives name their organisation: the one field shown to them (a
            // choice of their communities when they have any, else the name to type).
            var choosing = userId is not null && await MemberOfPublishedAsync(userId, ct);
            ModelState.AddModelError(choosing ? "form.CommunityId" : "form.CommunityName",
                t[choosing ? "Validation.Choose" : "Validation.Required", t[choosing ? "Field.FromCommunity" : "Field.CommunityName"]]);
        }
    }

    /// <summary>Kept places: members of a community in the directory (NGO), MunicipalityStaff accounts (municipality).</summary>
    private async Task<bool> QuotaEligibleAsync(SignUpForm form, string? userId, CancellationToken ct) => userId is not null && form.ParticipantType switch
    {
        ParticipantType.NgoRepresentative => await MemberOfPublishedAsync(userId, ct),
        ParticipantType.MunicipalityStaff => User.IsInRole(Roles.MunicipalityStaff),
        _ => false,
    };

    private Task<bool> MemberOfPublishedAsync(string userId, CancellationToken ct) =>
        db.CommunityMemberships.AnyAsync(m => m.UserId == userId && m.Community!.Status == CommunityStatus.Published, ct);
}
