using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Invitations;

/// <summary>Opening an invitation link: accept it with the account one has, or register through it.</summary>
[Route("invitations/{token}")]
public class InvitationsController(
    AppDbContext db,
    InvitationService invitations,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    ILogger<InvitationsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var invitation = await invitations.FindAsync(token, ct);
        if (invitation is { Purpose: InvitationPurpose.Event } && int.TryParse(invitation.TargetId, out var eventId)
            && await db.Events.Where(e => e.Id == eventId).Select(e => e.Slug).SingleOrDefaultAsync(ct) is { } slug)
        {
            // Event invitations are answered by signing up for the event.
            return Redirect(Links.Events.WithInvitation(slug, token));
        }

        if (invitation is null || !invitation.CanBeAcceptedAt(clock.GetUtcNow()))
        {
            return Unusable(invitation);
        }

        return View(await ViewModelAsync(token, invitation, new InvitationRegisterForm()));
    }

    [Authorize]
    [HttpPost("accept")]
    public async Task<IActionResult> Accept(string token, CancellationToken ct)
    {
        var invitation = await invitations.FindAsync(token, ct);
        var user = await users.GetUserAsync(User);
        if (invitation is null || user is null)
        {
            return Unusable(invitation);
        }

        // The link proves the address it was sent to, nothing more: another account can't use it.
        if (!IsInvitee(user, invitation))
        {
            logger.LogWarning("Invitation {InvitationId} refused for account {UserId}: not the invited address", invitation.Id, user.Id);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View("Message", new MessageViewModel("Invitation.WrongAccount.Title", "Invitation.WrongAccount.Text", "Error.BackHome", "/"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await invitations.AcceptAsync(invitation, user, ct))
        {
            return Unusable(invitation);
        }

        await transaction.CommitAsync(ct);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Invitation {InvitationId} accepted by account {UserId}", invitation.Id, user.Id);
        TempData["Status"] = "Invitation.Accepted";
        return LocalRedirect(AfterAccepting(invitation));
    }

    [HttpPost("register")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Register(string token, InvitationRegisterForm form, CancellationToken ct)
    {
        var invitation = await invitations.FindAsync(token, ct);
        if (invitation is null || !invitation.CanBeAcceptedAt(clock.GetUtcNow()))
        {
            return Unusable(invitation);
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            ModelState.AddModelError("", t["Invitation.HasAccount"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Show", await ViewModelAsync(token, invitation, form));
        }

        var user = form.NewAccount(invitation.Email, Cultures.Current, clock.GetUtcNow());
        var (created, accepted) = await invitations.RegisterAsync(invitation, user, form.Password!, ct);
        if (!created.Succeeded)
        {
            ModelState.AddIdentityErrors(created, $"form.{nameof(form.Password)}");
            return View("Show", await ViewModelAsync(token, invitation, form));
        }

        if (!accepted)
        {
            return Unusable(invitation);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        logger.LogInformation("Invitation {InvitationId} accepted by new account {UserId}", invitation.Id, user.Id);
        TempData["Status"] = "Invitation.Accepted";
        return LocalRedirect(AfterAccepting(invitation));
    }

    private async Task<InvitationViewModel> ViewModelAsync(string token, Invitation invitation, InvitationRegisterForm form)
    {
        var currentUser = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        var hasAccount = currentUser is null && await users.FindByEmailAsync(invitation.Email) is not null;
        var community = await invitations.CommunityOfAsync(invitation, HttpContext.RequestAborted);
        return new InvitationViewModel(token, invitation.Email, invitation.InvitedBy?.DisplayName ?? "", invitation.Role, community?.Name,
            invitation.ExpiresAt, hasAccount, currentUser?.Email, currentUser is not null && IsInvitee(currentUser, invitation), form);
    }

    /// <summary>A new co-leader lands among their communities, with the one they now lead; others on the home page.</summary>
    private static string AfterAccepting(Invitation invitation) =>
        invitation.Purpose == InvitationPurpose.CommunityCoLeader ? Links.Account.Communities : Links.Home;

    /// <summary>The account's confirmed address is the one the invitation was sent to.</summary>
    private bool IsInvitee(AppUser user, Invitation invitation) =>
        user.EmailConfirmed && user.Email is not null && users.NormalizeEmail(user.Email) == users.NormalizeEmail(invitation.Email);

    /// <summary>Unknown, used, revoked or expired: a clear page, nothing changed.</summary>
    private ViewResult Unusable(Invitation? invitation)
    {
        var state = invitation?.StatusAt(clock.GetUtcNow()) switch
        {
            null => "Unknown",
            InvitationStatus.Accepted => "Accepted",
            InvitationStatus.Revoked => "Revoked",
            _ => "Expired",
        };
        Response.StatusCode = invitation is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return View("Message", new MessageViewModel($"Invitation.{state}.Title", $"Invitation.{state}.Text", "Error.BackHome", "/"));
    }
}
