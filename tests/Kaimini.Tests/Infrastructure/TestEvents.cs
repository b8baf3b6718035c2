using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Infrastructure;

/// <summary>Published events written straight to the test database, and the place participants say
/// they live in.</summary>
public static class TestEvents
{
    /// <summary>A published forum in ten days (three hours long) unless told otherwise; a unique slug.</summary>
    public static async Task<Event> CreateAsync(KaiminiApp app, string title, int? capacity = null, DateTimeOffset? startsAt = null,
        Action<Event>? configure = null, string territory = "olaine")
    {
        var starts = startsAt ?? app.Clock.GetUtcNow().AddDays(10);
        var territoryId = await app.WithDbAsync(db => db.Territories.Where(t => t.Slug == territory).Select(t => t.Id).SingleAsync());
        var ev = new Event
        {
            Slug = Slug.From(title) + "-" + Guid.NewGuid().ToString("N")[..6],
            Title = title,
            Kind = EventKind.Forum,
            StartsAt = starts,
            EndsAt = starts.AddHours(3),
            Venue = "Olaines kultūras nams",
            TerritoryId = territoryId,
            Capacity = capacity,
            Status = EventStatus.Published,
            CreatedAt = app.Clock.GetUtcNow(),
            PublishedAt = app.Clock.GetUtcNow(),
            UpdatedAt = app.Clock.GetUtcNow(),
        };
        configure?.Invoke(ev);
        await app.WithDbAsync(async db =>
        {
            foreach (var c in ev.Communities)
            {
                db.Attach(c);
            }

            db.Events.Add(ev);
            return await db.SaveChangesAsync();
        });
        return ev;
    }

    /// <summary>The sign-up form's fields for someone living at <paramref name="home"/> (<see cref="HomeAsync"/>).</summary>
    public static Dictionary<string, string> SignUp(string name, string email, string home, string type = "Resident") => new()
    {
        ["form.Name"] = name,
        ["form.Email"] = email,
        ["form.ParticipantType"] = type,
        ["form.TerritoryId"] = home,
    };

    /// <summary>The id of Olaines pagasts, as the sign-up form posts it (where the person lives is required).</summary>
    public static async Task<string> HomeAsync(KaiminiApp app) =>
        (await app.WithDbAsync(db => db.Territories.Where(t => t.Name == "Olaines pagasts").Select(t => t.Id).SingleAsync())).ToString();
}
