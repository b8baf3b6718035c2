using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminInvitations;

/// <summary>Invitations to a portal role: checks the form (the role the inviter may give, the
/// password again for an administrator, the pasted list) and stores the addresses as one bulk send,
/// leaving out whoever holds the role or has an open invitation to it already.</summary>
public class RoleInviter(AppDbContext db, BulkSendQueue sends, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<RoleInviter> logger)
{
    /// <summary>The most refused lines reported.</summary>
    public const int MaxReportedRejections = 100;

    /// <summary>Administrators invite with any role; organisers invite community leaders.</summary>
    public static IReadOnlyList<string> AllowedRoles(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator)
        ? [Roles.Organiser, Roles.MunicipalityStaff, Roles.Leader, Roles.Administrator]
        : [Roles.Leader];

    /// <summary>Adds errors to <paramref name="state"/> under "form.X" and returns the pasted list read.</summary>
    public async Task<RoleInviteList> ValidateAsync(BulkInvitationForm form, ClaimsPrincipal user, ModelStateDictionary state)
    {
        var roles = AllowedRoles(user);
        if (form.Role is not null && !roles.Contains(form.Role))
        {
            state.AddModelError(FormKey(nameof(form.Role)), t["Invite.RoleNotAllowed"]);
        }

        if (form.Culture is not null && !Cultures.IsSupported(form.Culture))
        {
            state.AddModelError(FormKey(nameof(form.Culture)), t["Validation.InvalidValue"]);
        }

        // A stolen session alone must not be enough to make someone an administrator.
        if (form.Role == Roles.Administrator && roles.Contains(form.Role) && !await PasswordConfirmedAsync(user, form.Password))
        {
            state.AddModelError(FormKey(nameof(form.Password)), t[string.IsNullOrEmpty(form.Password) ? "Invite.PasswordRequired" : "Invite.WrongPassword"]);
        }

        var (valid, rejected) = EmailListParser.Parse(form.Emails ?? "");
        if (state.IsValid && valid.Count + rejected.Count > BulkInvitationForm.MaxLines)
        {
            state.AddModelError(FormKey(nameof(form.Emails)), t["Invite.TooMany", BulkInvitationForm.MaxLines]);
        }
        else if (state.IsValid && valid.Count == 0)
        {
            state.AddModelError(FormKey(nameof(form.Emails)), t["Invite.NoneValid"]);
            foreach (var line in rejected.Take(MaxReportedRejections))
            {
                state.AddModelError(FormKey(nameof(form.Emails)), t["Invite.RejectedLine", line.Line, line.Text, t[line.ReasonKey]]);
            }
        }

        return new RoleInviteList(valid, rejected);
    }

    /// <summary>Stores the send (not saved: the caller saves). Addresses already invited with this role
    /// and still open, or already holding it, move from the list to its refused lines, in line order.</summary>
    public async Task<BulkSend> StoreAsync(BulkInvitationForm form, RoleInviteList list, string? inviterId, CancellationToken ct)
    {
        var (valid, rejected) = (list.Emails, list.Rejected);
        var now = clock.GetUtcNow();
        var alreadyInvited = await db.Invitations
            .Where(Invitation.OpenAt(now))
            .Where(i => valid.Contains(i.Email) && i.Role == form.Role)
            .Select(i => i.Email).Distinct().ToListAsync(ct);
        var roleId = await db.Roles.Where(r => r.Name == form.Role).Select(r => r.Id).SingleAsync(ct);
        var holders = await db.Users
            .Where(u => valid.Contains(u.NormalizedEmail!.ToLower()) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => u.NormalizedEmail!.ToLower()).ToListAsync(ct);
        foreach (var email in valid.Where(e => alreadyInvited.Contains(e) || holders.Contains(e)).ToList())
        {
            rejected.Add(new RejectedLine(LineOf(form.Emails!, email), email,
                holders.Contains(email) ? "Invite.Reject.HasRole" : "Invite.Reject.AlreadyInvited"));
            valid.Remove(email);
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        // The list is stored; the worker writes the invitations and their mail a chunk at a time.
        return sends.Add(BulkSendKind.RoleInvitations, inviterId, valid.Select(e => (e, "", form.Culture!)), s => s.Role = form.Role);
    }

    /// <summary>Checks the inviter's password again; a wrong one counts towards the lockout, like at sign-in.</summary>
    private async Task<bool> PasswordConfirmedAsync(ClaimsPrincipal user, string? password)
    {
        var inviter = await users.GetUserAsync(user);
        if (inviter is null || string.IsNullOrEmpty(password))
        {
            return false;
        }

        var result = await signIn.CheckPasswordSignInAsync(inviter, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            logger.LogWarning("Administrator invitation by {UserId} refused: password not confirmed", inviter.Id);
        }

        return result.Succeeded;
    }

    private static int LineOf(string text, string email) =>
        text.Replace("\r\n", "\n").Split('\n').Select((line, i) => (line, i)).FirstOrDefault(l => l.line.Contains(email, StringComparison.OrdinalIgnoreCase)).i + 1;

    /// <summary>The form's fields are named form.X (the action's parameter), and so are their errors.</summary>
    private static string FormKey(string field) => $"form.{field}";
}

/// <summary>A pasted list read: the addresses to invite and the lines refused, with why.</summary>
public sealed record RoleInviteList(List<string> Emails, List<RejectedLine> Rejected);
