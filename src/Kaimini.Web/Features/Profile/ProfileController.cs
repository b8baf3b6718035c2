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
        var form = new ProfileForm
        {
            DisplayName = user.DisplayName,
            PreferredCulture = user.PreferredCulture,
            Bio = profile?.Bio,
            TerritoryId = profile?.TerritoryId,
            InterestIds = profile?.Interests.Select(t => t.Id).ToList() ?? [],
            Public = profile?.IsPublic ?? false,
        };
        return View(new ProfileViewModel(form, await reference.GetAsync(ct), profile?.ConsentGivenAt));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(ProfileForm form, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        if (!Cultures.IsSupported(form.PreferredCulture))
        {
            ModelState.AddModelError($"form.{nameof(form.PreferredCulture)}", "");
        }

        if (form.TerritoryId is { } tid && (!refData.TerritoryById.TryGetValue(tid, out var t) || t.Kind == TerritoryKind.FormerNovads))
        {
            ModelState.AddModelError($"form.{nameof(form.TerritoryId)}", "");
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", new ProfileViewModel(form, refData, null));
        }

        var user = (await users.GetUserAsync(User))!;
        var now = clock.GetUtcNow();
        user.DisplayName = form.DisplayName!.Trim();
        user.PreferredCulture = form.PreferredCulture;
        var profile = await db.LeaderProfiles.Include(p => p.Interests).SingleOrDefaultAsync(p => p.UserId == user.Id, ct);
        if (profile is null)
        {
            profile = new LeaderProfile { UserId = user.Id };
            db.LeaderProfiles.Add(profile);
        }

        var wasPublic = profile.IsPublic;
        profile.Bio = string.IsNullOrWhiteSpace(form.Bio) ? null : form.Bio.Trim();
        profile.TerritoryId = form.TerritoryId;
        var interestIds = form.InterestIds.Where(refData.ThemeById.ContainsKey).Distinct().ToList();
        profile.Interests.Clear();
        foreach (var theme in await db.Themes.Where(x => interestIds.Contains(x.Id)).ToListAsync(ct))
        {
            profile.Interests.Add(theme);
        }

        profile.SetConsent(form.Public, now);
        profile.UpdatedAt = now;
        profile.SearchDocument = SearchText.Fold(string.Join(' ',
            new[] { user.DisplayName, profile.Bio ?? "" }.Concat(profile.TerritoryId is { } id ? refData.PlaceNames(id) : [])));
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
