using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Kaimini.Web.Data.Seed;

/// <summary>Invented data at the scale of all of Latvia (about 20,000 communities and 40,000
/// leaders) for the benchmark, written with PostgreSQL's binary COPY. Every name is made up;
/// the leaders' accounts have no password and cannot log in.</summary>
public class ScaleSeeder(AppDbContext db, ReferenceCache reference, TimeProvider clock, ILogger<ScaleSeeder> logger)
{
    public const string SlugPrefix = "merogs-";

    private static readonly string[] Words =
    [
        "Ozoli", "Liepas", "Bērzkalni", "Ābeles", "Dzērves", "Pūces", "Ķirši", "Zīles", "Vārpas", "Rasas", "Saulgrieži",
        "Ūdensrozes", "Priedes", "Egles", "Ošukalns", "Kļavas", "Gaiļi", "Ziedoņi", "Mežmalas", "Straumes", "Čiekuri",
        "Dzirnavas", "Sēta", "Pļavas", "Ģimenes", "Jaunā paaudze", "Kaimiņi", "Dārznieki", "Šūpoles", "Ņiprie",
    ];

    private static readonly string[] Kinds =
    [
        "biedrība", "kopiena", "senioru klubs", "jauniešu kopa", "sporta klubs", "vides draugi", "amatnieku kopa",
        "kultūras biedrība", "ģimeņu klubs", "iedzīvotāju grupa", "labdarības fonds", "kaimiņu sardze",
    ];

    private static readonly string[] FirstNames =
    [
        "Anna", "Jānis", "Līga", "Pēteris", "Ilze", "Mārtiņš", "Dace", "Andris", "Inese", "Kārlis", "Zane", "Edgars",
        "Ieva", "Ģirts", "Sanita", "Raimonds", "Agnese", "Uldis", "Kristīne", "Valdis", "Laura", "Aivars", "Evija", "Ņikita",
    ];

    private static readonly string[] LastNames =
    [
        "Bērziņš", "Kalniņa", "Ozoliņš", "Liepiņa", "Krūmiņš", "Zariņa", "Jansons", "Vītola", "Kļaviņš", "Sproģe",
        "Grīnbergs", "Šteina", "Āboliņš", "Rudzīte", "Ķēniņš", "Eglīte", "Pūķis", "Strautiņa", "Dzenis", "Celmiņa",
    ];

    public async Task SeedAsync(int communities, int leaders, CancellationToken ct)
    {
        if (await db.Communities.AnyAsync(c => c.Slug.StartsWith(SlugPrefix), ct))
        {
            logger.LogInformation("Scale data is already there; nothing to do");
            return;
        }

        var refData = await reference.GetAsync(ct);
        var places = refData.Territories.Where(t => t.Kind != TerritoryKind.FormerNovads).ToList();
        var themeIds = refData.Themes.Select(t => t.Id).ToArray();
        var random = new Random(2026);
        var now = clock.GetUtcNow();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var startId = await NextIdAsync(connection, "communities", ct);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY communities (id, slug, name, legal_form, short_description, description, territory_id, novads_id, former_novads_id, parish_id, status, verified, created_at, updated_at, published_at, search_document, social_links, registration_number) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < communities; i++)
            {
                var place = places[random.Next(places.Count)];
                var name = $"{place.Name}: {Kinds[random.Next(Kinds.Length)]} „{Words[random.Next(Words.Length)]}” {i + 1}";
                var form = (LegalForm)(random.Next(4) + 1);
                var shortDescription = $"Kopiena, kas darbojas: {place.Name}. {Words[random.Next(Words.Length)]} un {Words[random.Next(Words.Length)]}.";
                var novads = place.Kind == TerritoryKind.Novads ? place.Id : place.NovadsId!.Value;
                int? parish = place.Kind switch
                {
                    TerritoryKind.Pagasts or TerritoryKind.Pilseta => place.Id,
                    TerritoryKind.Ciems => place.ParentId,
                    _ => null,
                };
                var created = now.AddMinutes(-i);
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(startId + i, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync($"{SlugPrefix}{i + 1}", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(name, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(form.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(shortDescription, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(shortDescription, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(place.Id, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(novads, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(writer, place.FormerNovadsId, ct);
                await WriteNullableAsync(writer, parish, ct);
                await writer.WriteAsync(nameof(CommunityStatus.Published), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(random.Next(3) == 0, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(SearchText.Fold(string.Join(' ', new[] { name, shortDescription, shortDescription }.Concat(refData.PlaceNames(place.Id)))), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                if (form.IsRegistered())
                {
                    await writer.WriteAsync($"5{startId + i:D10}", NpgsqlDbType.Char, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY community_themes (community_id, theme_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < communities; i++)
            {
                foreach (var theme in themeIds.OrderBy(_ => random.Next()).Take(1 + random.Next(3)))
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(startId + i, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(theme, NpgsqlDbType.Integer, ct);
                }
            }

            await writer.CompleteAsync(ct);
        }

        var userIds = Enumerable.Range(0, leaders).Select(_ => Guid.NewGuid().ToString()).ToArray();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"AspNetUsers\" (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, display_name, preferred_culture, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < leaders; i++)
            {
                var email = $"merogs-{i + 1}@kaimini.invalid";
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(userIds[i], NpgsqlDbType.Text, ct);
                await writer.WriteAsync(email, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(email, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text, ct);
                await writer.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text, ct);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync($"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync("lv", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY leader_profiles (user_id, bio, territory_id, is_public, consent_given_at, consent_given_version, updated_at, search_document) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < leaders; i++)
            {
                var place = places[random.Next(places.Count)];
                var isPublic = random.Next(3) > 0;
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(userIds[i], NpgsqlDbType.Text, ct);
                await writer.WriteAsync($"Aktīvs iedzīvotājs: {place.Name}.", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(place.Id, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(isPublic, NpgsqlDbType.Boolean, ct);
                if (isPublic)
                {
                    await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    await writer.WriteAsync(LeaderProfile.ConsentVersion, NpgsqlDbType.Varchar, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                    await writer.WriteNullAsync(ct);
                }

                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(SearchText.Fold($"aktivs iedzivotajs {string.Join(' ', refData.PlaceNames(place.Id))}"), NpgsqlDbType.Varchar, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY community_memberships (community_id, user_id, role, is_leader, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < leaders; i++)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(startId + i % communities, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(userIds[i], NpgsqlDbType.Text, ct);
                await writer.WriteAsync(i < communities ? nameof(MembershipRole.Chair) : nameof(MembershipRole.BoardMember), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var command = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('communities', 'id'), {startId + communities}); ANALYZE;", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Seeded {CommunityCount} communities and {LeaderCount} leaders at scale", communities, leaders);
    }

    private static async Task<int> NextIdAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}", connection);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, int? value, CancellationToken ct) =>
        value is { } v ? writer.WriteAsync(v, NpgsqlDbType.Integer, ct) : writer.WriteNullAsync(ct);
}
