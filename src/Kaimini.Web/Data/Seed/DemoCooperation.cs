using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data.Seed;

/// <summary>The demo's cooperation board: a few open offers and requests of demo communities, and
/// one matched with another community (a cooperation tie in the reports).</summary>
public static class DemoCooperation
{
    private sealed record Demo(string Community, CooperationDirection Direction, CooperationKind Kind, string? Theme, string Title, string Body,
        int DaysAgo, int ValidDays, string? MatchedWith = null);

    private static readonly Demo[] All =
    [
        new("Piņķu kaimiņu biedrība", CooperationDirection.Request, CooperationKind.Volunteers, "environment", "Meklējam talciniekus Piņķu parka sakopšanai",
            "Aprīļa beigās sakopsim Piņķu parku: **grābšana, krūmu izciršana, soliņu krāsošana**.\n\nVajag ap 20 cilvēkiem; darbarīkus un zupu nodrošināsim.", 3, 40),
        new("Olaines kultūras biedrība „Stīga”", CooperationDirection.Offer, CooperationKind.SpaceOrEquipment, "culture", "Piedāvājam skaņas aparatūru pasākumiem",
            "Mums ir skandas, mikrofoni un pults līdz 200 klausītājiem. Aizdodam citām kopienām ar mūsu tehniķi.", 6, 90),
        new("Ķekavas novada jauniešu dome", CooperationDirection.Offer, CooperationKind.SkillsOrTalk, "youth", "Jaunieši vada nodarbības par drošību internetā",
            "Varam atbraukt uz senioru klubu vai skolu un stundas laikā parādīt, kā atpazīt krāpniekus un droši lietot internetbanku.", 10, 60),
        new("Baldones kūrorta attīstības biedrība", CooperationDirection.Request, CooperationKind.ProjectPartner, "environment", "Partneris LEADER projektam par velotakām",
            "Gatavojam projekta pieteikumu velotaku marķēšanai starp Baldoni un Ķekavu; meklējam partneri Ķekavas pusē.", 2, 45),
        new("Jaunolaines sporta klubs", CooperationDirection.Request, CooperationKind.EventPartner, "sport", "Kopīga ģimeņu sporta diena",
            "Meklējām kopienu, ar kuru kopā rīkot ģimeņu sporta dienu stadionā.", 30, 60, MatchedWith: "Olaines kultūras biedrība „Stīga”"),
    ];

    public static async Task SeedAsync(AppDbContext db, ReferenceData refData, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.CooperationPosts.AnyAsync(ct))
        {
            return;
        }

        var names = All.Select(d => d.Community).Concat(All.Select(d => d.MatchedWith).OfType<string>()).ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => names.Contains(c.Name)).ToDictionaryAsync(c => c.Name, ct);
        var leader = await db.CommunityMemberships.AsNoTracking().Where(m => m.IsLeader).Select(m => new { m.CommunityId, m.UserId }).ToListAsync(ct);
        var territories = await db.Territories.ToDictionaryAsync(t => t.Id, ct);
        var today = DateOnly.FromDateTime(now.ToRiga().DateTime);
        foreach (var demo in All)
        {
            if (!communities.TryGetValue(demo.Community, out var community))
            {
                continue;
            }

            var created = now.AddDays(-demo.DaysAgo);
            var post = new CooperationPost
            {
                CommunityId = community.Id,
                Direction = demo.Direction,
                Kind = demo.Kind,
                ThemeId = demo.Theme is not null && refData.ThemeBySlug.TryGetValue(demo.Theme, out var theme) ? theme.Id : null,
                Title = demo.Title,
                Body = demo.Body,
                ValidUntil = today.AddDays(demo.ValidDays - demo.DaysAgo),
                CreatedById = leader.FirstOrDefault(l => l.CommunityId == community.Id)?.UserId,
                CreatedAt = created,
                UpdatedAt = created,
            };
            post.PlaceIn(territories[community.TerritoryId]);
            post.SearchDocument = CooperationPost.SearchDocumentFor(post.Title, post.Body, refData.PlaceNames(post.TerritoryId));
            if (demo.MatchedWith is not null && communities.TryGetValue(demo.MatchedWith, out var partner))
            {
                post.Match(partner.Id, now.AddDays(-demo.DaysAgo / 2));
            }

            db.CooperationPosts.Add(post);
        }

        await db.SaveChangesAsync(ct);
    }
}
