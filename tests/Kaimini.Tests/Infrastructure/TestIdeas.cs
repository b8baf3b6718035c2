using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Infrastructure;

/// <summary>Ideas and forums stored directly, the way submission and an organiser leave them.</summary>
public static class TestIdeas
{
    public static async Task<Idea> CreateAsync(KaiminiApp app, string title, string territorySlug = "olaine",
        IdeaAddressee addressedTo = IdeaAddressee.Municipality, IdeaStatus status = IdeaStatus.Published, string? body = null,
        string? authorId = null, string authorEmail = "autors@example.lv", string culture = "lv", int? eventId = null, int? groupId = null,
        string? theme = null, DateTimeOffset? createdAt = null)
    {
        Idea idea = null!;
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var now = createdAt ?? app.Clock.GetUtcNow();
            body ??= $"{title}: apraksts, kāpēc tas ir vajadzīgs mūsu apkaimē.";
            idea = new Idea
            {
                Title = title,
                Body = body,
                TerritoryId = (await db.Territories.SingleAsync(t => t.Slug == territorySlug)).Id,
                ThemeId = theme is null ? null : (await db.Themes.SingleAsync(t => t.Slug == theme)).Id,
                AddressedTo = addressedTo,
                AuthorId = authorId,
                AuthorName = "Ieva Autore",
                AuthorEmail = authorEmail,
                Culture = culture,
                Status = status,
                EventId = eventId,
                ForumGroupId = groupId,
                SearchDocument = Idea.SearchDocumentFor(title, body),
                CreatedAt = now,
                PublishedAt = status == IdeaStatus.Published ? now : null,
                UpdatedAt = now,
            };
            idea.History.Add(new IdeaHistoryEntry { At = now, Kind = IdeaHistoryKind.Submitted });
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
        });
        return idea;
    }

    /// <summary>A published forum with the five thematic groups.</summary>
    public static async Task<Event> CreateForumAsync(KaiminiApp app, string title, string territorySlug = "olaine", bool groups = true)
    {
        var territoryId = await app.WithDbAsync(db => db.Territories.Where(t => t.Slug == territorySlug).Select(t => t.Id).SingleAsync());
        var starts = app.Clock.GetUtcNow().AddDays(-3);
        var ev = new Event
        {
            Slug = Kaimini.Web.Domain.Slug.From(title) + "-" + Guid.NewGuid().ToString("N")[..6],
            Title = title,
            Kind = EventKind.Forum,
            StartsAt = starts,
            EndsAt = starts.AddHours(4),
            Venue = "Kultūras nams",
            TerritoryId = territoryId,
            Status = EventStatus.Published,
            CreatedAt = app.Clock.GetUtcNow(),
            UpdatedAt = app.Clock.GetUtcNow(),
        };
        if (groups)
        {
            string[][] names =
            [
                ["Kultūra un izglītība", "Culture and education"],
                ["Vide, mājoklis, drošība", "Environment, housing, safety"],
                ["Uzņēmējdarbības attīstība, tūrisms, amatniecība", "Business development, tourism, crafts"],
                ["Sports, atpūta, iespējas jauniešiem", "Sport, leisure, opportunities for young people"],
                ["Iedzīvotāju kopienas", "Residents' communities"],
            ];
            for (var i = 0; i < names.Length; i++)
            {
                ev.Groups.Add(new ForumGroup { Position = i + 1, NameLv = names[i][0], NameEn = names[i][1] });
            }
        }

        await app.WithDbAsync(async db =>
        {
            db.Events.Add(ev);
            return await db.SaveChangesAsync();
        });
        return ev;
    }

    /// <summary>Supports added directly (as if many people clicked), keeping the count in step.</summary>
    public static async Task SupportAsync(KaiminiApp app, int ideaId, params string[] userIds)
    {
        await app.WithDbAsync(async db =>
        {
            foreach (var userId in userIds)
            {
                db.IdeaSupports.Add(new IdeaSupport { IdeaId = ideaId, UserId = userId, CreatedAt = app.Clock.GetUtcNow() });
            }

            await db.SaveChangesAsync();
            return await db.Ideas.Where(i => i.Id == ideaId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.SupportCount, i => db.IdeaSupports.Count(x => x.IdeaId == ideaId)));
        });
    }
}
