using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Web.Features.Events;

/// <summary>One of a signed-in person's registrations, as the event page and "My registrations" show
/// it. <paramref name="Position"/> is the place in the waiting list (1 = next), 0 when not waiting.</summary>
public sealed record MyRegistration(Guid Id, string Slug, string TitleLv, string? TitleEn, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Venue,
    EventStatus EventStatus, RegistrationStatus Status, int Position)
{
    public LocalText Title => new(TitleLv, TitleEn);
}

public static class MyRegistrationQueries
{
    /// <summary>The person's registrations: made with the account, or with its address (a sign-up
    /// before the account existed; the account's address is confirmed, so it is theirs).</summary>
    public static IQueryable<EventRegistration> Mine(this IQueryable<EventRegistration> registrations, string userId, string? email)
    {
        var address = email?.Trim().ToLowerInvariant();
        return registrations.Where(r => !r.WalkIn && r.AnonymisedAt == null && (r.UserId == userId || (address != null && r.Email == address)));
    }

    /// <summary>With the place in the waiting list counted in the same query: those waiting longer
    /// (signed up earlier) come first, as <c>EventSignup.PromoteWaitingAsync</c> takes them.</summary>
    public static IQueryable<MyRegistration> Project(this IQueryable<EventRegistration> registrations, AppDbContext db) =>
        registrations.Select(r => new MyRegistration(r.Id, r.Event!.Slug, r.Event.Title, r.Event.TitleEn, r.Event.StartsAt, r.Event.EndsAt, r.Event.Venue,
            r.Event.Status, r.Status,
            r.Status == RegistrationStatus.Waitlisted
                ? db.EventRegistrations.Count(o => o.EventId == r.EventId && o.Status == RegistrationStatus.Waitlisted && o.CreatedAt < r.CreatedAt) + 1
                : 0));
}
