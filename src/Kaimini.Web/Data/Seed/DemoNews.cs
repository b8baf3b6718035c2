using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data.Seed;

/// <summary>Invented news of several demo communities for ./kaimini run, and what the demo resident
/// (iedzivotajs@kaimini.test) follows, with the weekly digest on. Every text is made up. Added once: nothing happens when any
/// news (or any of the resident's follows) exists.</summary>
public static class DemoNews
{
    private static readonly (string Community, int DaysAgo, string Title, string Body, string? Link)[] All =
    [
        ("Piņķu kaimiņu biedrība", 2, "Pavasara talka Piņķu parkā", "Sestdien no 10.00 kopā sakopsim parku. **Cimdus un maisus nodrošinām**, līdzi ņemiet labu garastāvokli.", null),
        ("Piņķu kaimiņu biedrība", 20, "Jauni soliņi pie dīķa", "Pašvaldība atbalstīja mūsu ideju: pie dīķa uzstādīti četri jauni soliņi.\n\nPaldies visiem, kas parakstījās!", null),
        ("Piņķu kaimiņu biedrība", 45, "Biedru sapulce", "Gada sapulce notiks Piņķu bibliotēkā. Darba kārtībā:\n\n- pārskats par gadu\n- nākamā gada plāns\n- valdes vēlēšanas", null),
        ("Babītes ezera draugi", 5, "Putnu vērošanas rīts", "Aicinām uz putnu vērošanu ezera krastā. Tikšanās pie laivu vietas plkst. 7.00.", "https://babites-ezers.example.lv/putni"),
        ("Babītes ezera draugi", 60, "Laivu vietas sezonai", "Sezonas laivu vietu pieteikšana sākas aprīlī.", null),
        ("Olaines kultūras biedrība „Stīga”", 1, "Kora koncerts kultūras namā", "Koris „Stīga” aicina uz pavasara koncertu. Ieeja bez maksas.", null),
        ("Olaines kultūras biedrība „Stīga”", 30, "Teātra studija meklē aktierus", "Teātra studijai vajadzīgi jauni dalībnieki — pieredze nav nepieciešama.", null),
        ("Jaunolaines sporta klubs", 3, "Ģimeņu skrējiens", "Svētdien ģimeņu skrējiens ap Jaunolaines skvēru: 1 km bērniem, 5 km pieaugušajiem.", "https://jaunolaine-sports.example.lv/skrejiens"),
        ("Ķekavas kultūrvēsturiskā mantojuma biedrība", 8, "Ekskursija pa Ķekavas vēsturiskajām vietām", "Stāstām par muižu, baznīcu un vecajām mājām. Pulcēšanās pie kultūras nama.", null),
        ("Ķekavas novada jauniešu dome", 12, "Jauniešu domes vēlēšanas", "Pieteikties kandidēt var līdz mēneša beigām. Balsot var jaunieši no 13 līdz 25 gadiem.", null),
    ];

    public static async Task SeedAsync(AppDbContext db, ReferenceData refData, DateTimeOffset now, CancellationToken ct)
    {
        var communities = await db.Communities.Where(c => c.Status == CommunityStatus.Published).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var idByName = communities.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Id);
        if (!await db.News.AnyAsync(ct))
        {
            foreach (var (community, daysAgo, title, body, link) in All)
            {
                if (idByName.TryGetValue(community, out var id))
                {
                    db.News.Add(NewsItem.Publish(id, title, body, link, now.AddDays(-daysAgo).AddHours(-daysAgo % 5)));
                }
            }
        }

        var resident = await db.Users.Where(u => u.Email == "iedzivotajs@kaimini.test").Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (resident is not null && !await db.Follows.AnyAsync(f => f.UserId == resident, ct))
        {
            foreach (var name in new[] { "Piņķu kaimiņu biedrība", "Olaines kultūras biedrība „Stīga”" })
            {
                if (idByName.TryGetValue(name, out var id))
                {
                    db.Follows.Add(Follow.Of(resident, FollowKind.Community, id, now));
                }
            }

            foreach (var slug in new[] { "olaines-novads", "babites-pagasts" })
            {
                if (refData.TerritoryBySlug.TryGetValue(slug, out var territory))
                {
                    db.Follows.Add(Follow.Of(resident, FollowKind.Territory, territory.Id, now));
                }
            }

            if (refData.ThemeBySlug.TryGetValue("culture", out var theme))
            {
                db.Follows.Add(Follow.Of(resident, FollowKind.Theme, theme.Id, now));
            }

            // And they asked for the weekly digest of it.
            await db.Users.Where(u => u.Id == resident).ExecuteUpdateAsync(s => s.SetProperty(u => u.WeeklyDigest, true), ct);
        }

        await db.SaveChangesAsync(ct);
    }
}
