using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>What the organiser controllers share about the event [AuthorizeEvent] found and allowed.</summary>
public static class ManagedEvent
{
    /// <summary>The event [AuthorizeEvent] found and allowed for this request.</summary>
    public static EventResource Of(HttpContext http) => (EventResource)http.Items[typeof(EventResource)]!;

    /// <summary>A page about one managed event (cancel, outcome, message, invite) showing <paramref name="form"/>.</summary>
    public static async Task<ManagedPageViewModel<TForm>> PageAsync<TForm>(AppDbContext db, int eventId, TForm form, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Slug, e.Title, e.TitleEn, e.Status }).SingleAsync(ct);
        return new ManagedPageViewModel<TForm>(ev.Slug, new LocalText(ev.Title, ev.TitleEn), ev.Status, form);
    }
}

public sealed record ManagedPageViewModel<TForm>(string Slug, LocalText Title, EventStatus Status, TForm Form);
