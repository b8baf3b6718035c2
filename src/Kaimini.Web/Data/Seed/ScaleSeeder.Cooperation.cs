using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Kaimini.Web.Data.Seed;

public partial class ScaleSeeder
{
    private static readonly (CooperationKind Kind, CooperationDirection Direction, string Title, string Body)[] CooperationSubjects =
    [
        (CooperationKind.Volunteers, CooperationDirection.Request, "Meklējam brīvprātīgos talkai", "Pavasara talkā vajag rokas: grābšana, krūmu izciršana un atkritumu savākšana. Cimdus un maisus nodrošināsim."),
        (CooperationKind.Volunteers, CooperationDirection.Offer, "Jaunieši piedāvā palīdzību pasākumos", "Mūsu jauniešu grupa var palīdzēt sagatavot un novadīt pasākumu: reģistrācija, galdi, sakopšana."),
        (CooperationKind.SpaceOrEquipment, CooperationDirection.Offer, "Piedāvājam zāli un projektoru", "Zāle līdz 40 cilvēkiem darba dienu vakaros, ar projektoru un ekrānu. Par telpu uzturēšanu vienosimies."),
        (CooperationKind.SpaceOrEquipment, CooperationDirection.Request, "Meklējam telteni vasaras svētkiem", "Vajadzīga telts vai nojume svētkiem ciemā jūlijā; varam palīdzēt to uzstādīt un novākt."),
        (CooperationKind.SkillsOrTalk, CooperationDirection.Offer, "Lekcija par bitēm un medu", "Biškopis stāsta par bišu dzīvi un medus ieguvi; piemērots bērniem un pieaugušajiem."),
        (CooperationKind.SkillsOrTalk, CooperationDirection.Request, "Meklējam grāmatvedības padomdevēju", "Mazai biedrībai vajag padomu gada pārskata sagatavošanā un ziedojumu uzskaitē."),
        (CooperationKind.ProjectPartner, CooperationDirection.Request, "Partneris LEADER projektam", "Gatavojam projekta pieteikumu kopienas dārzam un meklējam partneri no kaimiņu pagasta."),
        (CooperationKind.EventPartner, CooperationDirection.Offer, "Kopīgs ģimeņu sporta pasākums", "Aicinām citu kopienu rīkot kopā ģimeņu sporta dienu: mums ir laukums un inventārs."),
        (CooperationKind.Other, CooperationDirection.Offer, "Dāvinām grāmatas bibliotēkai", "Pēc akcijas palikušas vairāk nekā simts grāmatas bērniem; atdosim kopienai vai bibliotēkai."),
    ];

    /// <summary>Offers and requests of the scale communities over the past year: most past their day
    /// (closed by the query rule), some matched with a community of the same novads, a few closed or
    /// hidden.</summary>
    private async Task<long> SeedCooperationAsync(NpgsqlConnection connection, ScaleTargets targets, ReferenceData refData,
        DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(Seed + 9);
        var communities = await db.Communities.AsNoTracking()
            .Where(c => c.Slug.StartsWith(SlugPrefix) && c.Status == CommunityStatus.Published)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.TerritoryId, c.NovadsId }).ToListAsync(ct);
        if (communities.Count < 2)
        {
            return 0;
        }

        var byNovads = communities.GroupBy(c => c.NovadsId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
        var themeIds = refData.Themes.Select(t => t.Id).ToArray();
        var indexes = await DropIndexesAsync(connection, "cooperation_posts", ct);
        await using (var writer = await ImportAsync(connection,
            "COPY cooperation_posts (community_id, direction, kind, theme_id, territory_id, novads_id, former_novads_id, parish_id, title, body, valid_until, status, matched_community_id, matched_at, closed_at, hidden_reason, hidden_at, created_at, updated_at, search_document) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < targets.CooperationPosts; i++)
            {
                var community = communities[random.Next(communities.Count)];
                var place = refData.TerritoryById[community.TerritoryId];
                var subject = CooperationSubjects[random.Next(CooperationSubjects.Length)];
                var created = now.AddMinutes(-random.Next(1, 365 * 24 * 60));
                var validUntil = DateOnly.FromDateTime(created.ToRiga().DateTime).AddDays(14 + random.Next(107));
                var roll = random.Next(100);
                var ended = created.AddDays(1 + random.Next(20));
                var endedInPast = ended < now;
                var status = !endedInPast ? CooperationStatus.Open
                    : roll < 20 ? CooperationStatus.Matched : roll < 28 ? CooperationStatus.Closed : roll < 29 ? CooperationStatus.Hidden : CooperationStatus.Open;
                int? partner = null;
                if (status == CooperationStatus.Matched && random.Next(4) > 0)
                {
                    var neighbours = byNovads[community.NovadsId];
                    var pick = neighbours[random.Next(neighbours.Length)];
                    partner = pick == community.Id ? null : pick;
                }

                var parish = place.Kind switch
                {
                    TerritoryKind.Pagasts or TerritoryKind.Pilseta => place.Id,
                    TerritoryKind.Ciems => place.ParentId,
                    _ => (int?)null,
                };
                var title = $"{subject.Title} — {place.Name}";
                await writer.StartRowAsync(ct);
                writer.Write(community.Id, NpgsqlDbType.Integer);
                writer.Write(subject.Direction.ToString(), NpgsqlDbType.Varchar);
                writer.Write(subject.Kind.ToString(), NpgsqlDbType.Varchar);
                Write(writer, random.Next(4) == 0 ? (int?)null : themeIds[random.Next(themeIds.Length)]);
                writer.Write(place.Id, NpgsqlDbType.Integer);
                writer.Write(ScalePlaces.NovadsOf(place), NpgsqlDbType.Integer);
                Write(writer, place.FormerNovadsId);
                Write(writer, parish);
                writer.Write(title, NpgsqlDbType.Varchar);
                writer.Write(subject.Body, NpgsqlDbType.Varchar);
                writer.Write(validUntil, NpgsqlDbType.Date);
                writer.Write(status.ToString(), NpgsqlDbType.Varchar);
                Write(writer, partner);
                Write(writer, status == CooperationStatus.Matched ? ended : null);
                Write(writer, status == CooperationStatus.Closed ? ended : null);
                Write(writer, status == CooperationStatus.Hidden ? "Sludinājums neatbilst portāla noteikumiem: tajā ir reklāma." : null);
                Write(writer, status == CooperationStatus.Hidden ? ended : null);
                writer.Write(created, NpgsqlDbType.TimestampTz);
                writer.Write(status == CooperationStatus.Open ? created : ended, NpgsqlDbType.TimestampTz);
                writer.Write(CooperationPost.SearchDocumentFor(title, subject.Body, refData.PlaceNames(place.Id)), NpgsqlDbType.Varchar);
            }

            await writer.CompleteAsync(ct);
        }

        await RebuildIndexesAsync(connection, indexes, ct);
        await ExecuteAsync(connection, "ANALYZE cooperation_posts;", ct);
        return targets.CooperationPosts;
    }
}
