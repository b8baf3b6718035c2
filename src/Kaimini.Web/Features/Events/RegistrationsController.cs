using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Events;

/// <summary>The personal link from the confirmation: see the registration and cancel it, no account
/// needed. The link stops working once the event is over.</summary>
[Route("events/registrations/{token}")]
public class RegistrationsController(AppDbContext db, EventSignup signup, ReferenceCache reference, TimeProvider clock,
    IStringLocalizer<SharedResource> t, ILogger<RegistrationsController> logger)
    : RegistrationPagesController(db, signup, reference, clock, t, logger)
{
    [HttpGet("")]
    public Task<IActionResult> Show(string token, CancellationToken ct) => ShowPageAsync(token, ct);

    [HttpPost("")]
    public Task<IActionResult> Update(string token, RegistrationChangeForm form, CancellationToken ct) => UpdateAsync(token, form, ct);

    [HttpPost("confirm")]
    public Task<IActionResult> Confirm(string token, CancellationToken ct) => ConfirmAsync(token, ct);

    [HttpGet("cancel")]
    public Task<IActionResult> CancelPage(string token, CancellationToken ct) => CancelPageAsync(token, ct);

    [HttpPost("cancel")]
    public Task<IActionResult> Cancel(string token, CancellationToken ct) => CancelAsync(token, ct);

    protected override async Task<EventRegistration?> FindAsync(string key, CancellationToken ct)
    {
        var hash = LinkTokens.Hash(key);
        var registration = await Db.EventRegistrations.Include(r => r.Event).SingleOrDefaultAsync(r => r.ManageTokenHash == hash, ct);
        return OverOrMissing(registration) ? null : registration;
    }

    protected override string PathOf(string key) => Links.Events.Registration(key);

    protected override string? DataPathOf(string key) => Links.Events.RegistrationData(key);
}
