using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Privacy;

/// <summary>A person's data: download all of it as JSON (<see cref="PersonalDataExport"/>), or delete
/// the account after giving the password (<see cref="AccountDeletion"/>).</summary>
[Authorize]
[Route("account/privacy")]
public class PrivacyController(UserManager<AppUser> users, SignInManager<AppUser> signIn, PersonalDataExport export,
    AccountDeletion deletion, IStringLocalizer<SharedResource> t, ILogger<PrivacyController> logger) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new DeleteAccountForm());

    [HttpGet("download")]
    public async Task<IActionResult> Download(CancellationToken ct)
    {
        var user = (await users.GetUserAsync(User))!;
        var json = await export.JsonAsync(user, ct);
        logger.LogInformation("Account {UserId} downloaded its data", user.Id);
        return File(json, "application/json", PersonalDataExport.FileName);
    }

    [HttpPost("delete")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Delete(DeleteAccountForm form, CancellationToken ct)
    {
        // A post refused by the rate limit checks no password (guessing it is what the limit stops).
        if (!ModelState.IsValid)
        {
            return View("Index", form);
        }

        var user = (await users.GetUserAsync(User))!;
        if (string.IsNullOrEmpty(form.Password) || !await users.CheckPasswordAsync(user, form.Password))
        {
            // For the whole form, not the field: the rate limit counts it as an attempt.
            ModelState.AddModelError("", t["Privacy.WrongPassword"]);
            return View("Index", form);
        }

        await deletion.DeleteAsync(user, ct);
        await signIn.SignOutAsync();
        logger.LogInformation("Account {UserId} deleted by its owner", user.Id);
        TempData["Status"] = "Privacy.Deleted";
        return LocalRedirect(Links.Home);
    }
}

public class DeleteAccountForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.CurrentPassword")]
    [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.Password)]
    public string? Password { get; set; }
}
