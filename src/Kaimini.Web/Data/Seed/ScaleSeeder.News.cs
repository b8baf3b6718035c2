using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Kaimini.Web.Data.Seed;

public partial class ScaleSeeder
{
    private static readonly string[] NewsTopics =
    [
        "Talka", "Biedru sapulce", "Koncerts", "Ekskursija", "Sporta diena", "Rokdarbu vakars", "Tirdziņš", "Lekcija",
        "Bērnu svētki", "Projekta atskaite", "Kopīgs brauciens", "Jauni biedri", "Stādu maiņa", "Labdarības akcija",
    ];

    /// <summary>News of the scale communities: a long tail (a few communities write often, most
    /// seldom), published since the community was, more of them lately; one in five with a link.</summary>
    private async Task<long> SeedNewsAsync(NpgsqlConnection connection, ScaleTargets targets, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(Seed + 9);
        var communities = await db.Communities.AsNoTracking().Where(c => c.Slug.StartsWith(SlugPrefix) && c.Status == CommunityStatus.Published)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.PublishedAt, c.CreatedAt }).ToListAsync(ct);
        if (communities.Count == 0)
        {
            return 0;
        }

        var indexes = await DropIndexesAsync(connection, "news_items", ct);
        await using (var writer = await ImportAsync(connection,
            "COPY news_items (community_id, title, body, link, published_at, updated_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < targets.News; i++)
            {
                // Squaring skews the choice towards the first communities: some write a lot.
                var community = communities[(int)(communities.Count * Math.Pow(random.NextDouble(), 2))];
                var since = community.PublishedAt ?? community.CreatedAt;
                var published = now - (now - since) * Math.Pow(random.NextDouble(), 2);
                var topic = NewsTopics[random.Next(NewsTopics.Length)];
                var word = Words[random.Next(Words.Length)];
                await writer.StartRowAsync(ct);
                writer.Write(community.Id, NpgsqlDbType.Integer);
                writer.Write($"{topic}: {word}", NpgsqlDbType.Varchar);
                writer.Write($"{community.Name} aicina: **{topic.ToLowerInvariant()}** kopā ar kaimiņiem.\n\n- kad: drīzumā\n- kur: {word}", NpgsqlDbType.Varchar);
                Write(writer, random.Next(5) == 0 ? $"https://{SlugPrefix}{community.Id}.example.lv/zinas/{i + 1}" : null);
                writer.Write(published, NpgsqlDbType.TimestampTz);
                writer.Write(random.Next(10) == 0 ? published + (now - published) * random.NextDouble() : published, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync(ct);
        }

        await RebuildIndexesAsync(connection, indexes, ct);
        await ExecuteAsync(connection, "ANALYZE news_items;", ct);
        return targets.News;
    }
}
