using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.AdminEvents.Emails;
using Kaimini.Web.Features.CoOrganiserRequests;
using Kaimini.Web.Features.Events;
using Kaimini.Web.Features.Shared.Emails;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Saves a valid event form, new or edited, with what follows from it: communities asked to
/// co-organise, those waiting promoted, and a new time or place mailed to everyone registered.</summary>
public class EventEditor(AppDbContext db, EventSignup signup, EventNotices notices, CoOrganiserRequestService requests,
    UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>Creates the event (published if asked) under a slug of its title and date; returns it and
    /// how many communities were asked to co-organise.</summary>
    public async Task<(Event Event, int Requested)> CreateAsync(EventForm form, CoOrganisers communities, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ev = new Event
        {
            Slug = await UniqueSlugAsync(form, ct),
            Title = "",
            Venue = "",
            Status = form.Publish ? EventStatus.Published : EventStatus.Draft,
            CreatedById = users.GetUserId(user),
            CreatedAt = now,
            PublishedAt = form.Publish ? now : null,
            OwnerCommunityId = communities.OwnerId,
        };
        form.ApplyTo(ev, communities.Direct, now);
        db.Events.Add(ev);
        var requested = await requests.RequestAsync(ev, communities.Requested, (await users.GetUserAsync(user))!, ct);
        await db.SaveChangesAsync(ct);
        return (ev, requested);
    }

    /// <summary>The event locked for editing (inside the caller's transaction), with its communities,
    /// agenda and groups.</summary>
    public async Task<Event> LockAsync(int id, CancellationToken ct)
    {
        var ev = (await signup.LockAsync(id, ct))!;
        await db.Entry(ev).Collection(e => e.Communities).LoadAsync(ct);
        await db.Entry(ev).Collection(e => e.Agenda).LoadAsync(ct);
        await db.Entry(ev).Collection(e => e.Groups).LoadAsync(ct);
        return ev;
    }

    /// <summary>Saves the changes to a locked event: a larger capacity (or quota) promotes those
    /// waiting, a new date resets the reminders, and a new time or place is mailed to everyone
    /// registered. Returns how many were promoted and how many communities were asked.</summary>
    public async Task<(int Promoted, int Requested)> UpdateAsync(Event ev, EventForm form, CoOrganisers communities, ClaimsPrincipal user, CancellationToken ct)
    {
        var before = (ev.StartsAt, ev.EndsAt, Place: ev.Location);
        var now = clock.GetUtcNow();
        form.ApplyTo(ev, communities.Direct, now);
        var requested = await requests.RequestAsync(ev, communities.Requested, (await users.GetUserAsync(user))!, ct);
        if (form.Publish && ev.CanBePublished)
        {
            ev.Publish(now);
        }

        await db.SaveChangesAsync(ct);
        var promoted = ev.Status == EventStatus.Published && clock.GetUtcNow() < ev.StartsAt ? await signup.PromoteWaitingAsync(ev, ct) : 0;
        if (ev.StartsAt != before.StartsAt)
        {
            // A new date: the reminder comes again before it.
            await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.RemindedAt != null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.RemindedAt, (DateTimeOffset?)null), ct);
        }

        if (before != (ev.StartsAt, ev.EndsAt, ev.Location) && ev.Status == EventStatus.Published)
        {
            await notices.QueueAsync(ev, [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
                new EventChangedEmail(EventFacts.Of(ev), notices.EventLink(ev)), "event.changed", ct, withCalendar: true);
        }

        await db.SaveChangesAsync(ct);
        return (promoted, requested);
    }

    /// <summary>Publishes a draft; an event published (or past publishing) already stays as it is.</summary>
    public async Task PublishAsync(int id, CancellationToken ct)
    {
        var ev = await db.Events.SingleAsync(e => e.Id == id, ct);
        if (ev.CanBePublished)
        {
            ev.Publish(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<string> UniqueSlugAsync(EventForm form, CancellationToken ct)
    {
        // Room for the date and a counter within the column's 140 characters.
        var titleSlug = Slug.From(form.Title!);
        var slugStem = $"{titleSlug[..Math.Min(titleSlug.Length, 120)].TrimEnd('-')}-{form.StartsAt:yyyy-MM-dd}";
        var slug = slugStem;
        for (var i = 2; await db.Events.AnyAsync(x => x.Slug == slug, ct); i++)
        {
            slug = $"{slugStem}-{i}";
        }

        return slug;
    }
}
