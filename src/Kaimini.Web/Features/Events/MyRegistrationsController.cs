using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Events;

/// <summary>"My registrations", signed in: every registration made with the account or its address,
/// events to come first, and each one's page (the same as the personal link's) to change or cancel it.</summary>
[Authorize]
[Route("account/registrations")]
public class MyRegistrationsController(AppDbContext db, EventSignup signup, ReferenceCache reference, TimeProvider clock,
    IStringLocalizer<SharedResource> t, ILogger<MyRegistrationsController> logger)
    : RegistrationPagesController(db, signup, reference, clock, t, logger)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var all = await Db.EventRegistrations.AsNoTracking().Mine(UserId, Email).Project(Db).ToListAsync(ct);
        return View("MyRegistrations", new MyRegistrationsViewModel(
            all.Where(r => r.EndsAt > now).OrderBy(r => r.StartsAt).ToList(),
            all.Where(r => r.EndsAt <= now).OrderByDescending(r => r.StartsAt).ToList()));
    }

    [HttpGet("{id:guid}")]
    public Task<IActionResult> Show(Guid id, CancellationToken ct) => ShowPageAsync(Key(id), ct);

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Update(Guid id, RegistrationChangeForm form, CancellationToken ct) => UpdateAsync(Key(id), form, ct);

    [HttpPost("{id:guid}/confirm")]
    public Task<IActionResult> Confirm(Guid id, CancellationToken ct) => ConfirmAsync(Key(id), ct);

    [HttpGet("{id:guid}/cancel")]
    public Task<IActionResult> CancelPage(Guid id, CancellationToken ct) => CancelPageAsync(Key(id), ct);

    [HttpPost("{id:guid}/cancel")]
    public Task<IActionResult> Cancel(Guid id, CancellationToken ct) => CancelAsync(Key(id), ct);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private string? Email => User.FindFirstValue(ClaimTypes.Email);

    private static string Key(Guid id) => id.ToString("D");

    /// <summary>Only the person's own registration (anyone else's is as missing as a wrong id).</summary>
    protected override async Task<EventRegistration?> FindAsync(string key, CancellationToken ct)
    {
        var id = Guid.Parse(key);
        var registration = await Db.EventRegistrations.Include(r => r.Event).Mine(UserId, Email).SingleOrDefaultAsync(r => r.Id == id, ct);
        return OverOrMissing(registration) ? null : registration;
    }

    protected override string PathOf(string key) => Links.Account.Registrations + "/" + key;
}

/// <param name="Coming">Events still to come (or going on), soonest first.</param>
/// <param name="Past">Events over, latest first.</param>
public sealed record MyRegistrationsViewModel(IReadOnlyList<MyRegistration> Coming, IReadOnlyList<MyRegistration> Past);
