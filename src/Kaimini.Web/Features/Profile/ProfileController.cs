using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Profile;

/// <summary>A person's own profile: name, e-mail language, and the leader profile that becomes
/// public only when they tick the consent (recorded with time and wording; unticking withdraws it).</summary>
[Authorize]
[Route("account/profile")]
public class ProfileController(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, ReferenceCache reference,
    TimeProvider clock, ILogger<ProfileController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var user = (await users.GetUserAsync(User))!;
        var profile = await db.LeaderProfiles.AsNoTracking().Include(p => p.Interests).SingleOrDefaultAsync(p => p.UserId == user.Id, ct);
        return View(new ProfileViewModel(ProfileForm.From(user, profile), await reference.GetAsync(ct), profile?.ConsentGivenAt));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(ProfileForm form, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        foreach (var field in form.InvalidFields(refData))
        {
            ModelState.AddModelError($"form.{field}", "");
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", new ProfileViewModel(form, refData, null));
        }

        var user = (await users.GetUserAsync(User))!;
        var profile = await db.LeaderProfiles.Include(p => p.Interests).SingleOrDefaultAsync(p => p.UserId == user.Id, ct)
            ?? db.LeaderProfiles.Add(new LeaderProfile { UserId = user.Id }).Entity;
        var wasPublic = profile.IsPublic;
        var themeIds = form.ThemeIds(refData);
        form.ApplyTo(user, profile, await db.Themes.Where(x => themeIds.Contains(x.Id)).ToListAsync(ct), refData, clock.GetUtcNow());
        await users.UpdateAsync(user);
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        if (wasPublic != profile.IsPublic)
        {
            logger.LogInformation("Account {UserId} {ConsentChange} consent to a public profile", user.Id, profile.IsPublic ? "gave" : "withdrew");
        }

        CultureCookieMiddleware.WriteCookie(HttpContext, user.PreferredCulture);
        TempData["Status"] = "Profile.Saved";
        return Redirect(Links.Account.Profile);
    }
}

public sealed record ProfileViewModel(ProfileForm Form, ReferenceData Reference, DateTimeOffset? ConsentGivenAt);
