using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Kaimini.Web.Data.Seed;

/// <summary>Invented data at the scale of all of Latvia for the benchmark and the reports, written with
/// PostgreSQL's binary COPY: communities and their leaders, residents' accounts, four years of events
/// with registrations, ideas with their history and supports, community news and follows (<see cref="ScaleTargets"/>). Each table
/// is seeded once, in its own transaction, recognised by the <see cref="SlugPrefix"/> of its rows: a
/// database seeded before gets only what it lacks. Every step reads what it builds on from the
/// database and draws from its own fixed seed, so the same database gets the same data (dates count
/// back from the clock's today). Every name is made up; the accounts have no password and cannot
/// log in.</summary>
public partial class ScaleSeeder(
    AppDbContext db,
    ReferenceCache reference,
    PersonHasher hasher,
    UserManager<AppUser> users,
    IOptions<PrivacyOptions> privacy,
    TimeProvider clock,
    ReportFacts facts,
    ILogger<ScaleSeeder> logger)
{
    /// <summary>What marks scale rows: community slugs, event slugs (<see cref="EventSlugPrefix"/>),
    /// account and idea authors' addresses.</summary>
    public const string SlugPrefix = "merogs-";

    public const string EventSlugPrefix = SlugPrefix + "pasakums-";
    public const string ResidentEmailPrefix = SlugPrefix + "iedzivotajs-";
    public const string EmailDomain = "@kaimini.invalid";
    internal const int Seed = 2026;

    internal static readonly string[] Words =
    [
        "Ozoli", "Liepas", "Bērzkalni", "Ābeles", "Dzērves", "Pūces", "Ķirši", "Zīles", "Vārpas", "Rasas", "Saulgrieži",
        "Ūdensrozes", "Priedes", "Egles", "Ošukalns", "Kļavas", "Gaiļi", "Ziedoņi", "Mežmalas", "Straumes", "Čiekuri",
        "Dzirnavas", "Sēta", "Pļavas", "Ģimenes", "Jaunā paaudze", "Kaimiņi", "Dārznieki", "Šūpoles", "Ņiprie",
    ];

    internal static readonly string[] Kinds =
    [
        "biedrība", "kopiena", "senioru klubs", "jauniešu kopa", "sporta klubs", "vides draugi", "amatnieku kopa",
        "kultūras biedrība", "ģimeņu klubs", "iedzīvotāju grupa", "labdarības fonds", "kaimiņu sardze",
    ];

    internal static readonly string[] FirstNames =
    [
        "Anna", "Jānis", "Līga", "Pēteris", "Ilze", "Mārtiņš", "Dace", "Andris", "Inese", "Kārlis", "Zane", "Edgars",
        "Ieva", "Ģirts", "Sanita", "Raimonds", "Agnese", "Uldis", "Kristīne", "Valdis", "Laura", "Aivars", "Evija", "Ņikita",
    ];

    internal static readonly string[] LastNames =
    [
        "Bērziņš", "Kalniņa", "Ozoliņš", "Liepiņa", "Krūmiņš", "Zariņa", "Jansons", "Vītola", "Kļaviņš", "Sproģe",
        "Grīnbergs", "Šteina", "Āboliņš", "Rudzīte", "Ķēniņš", "Eglīte", "Pūķis", "Strautiņa", "Dzenis", "Celmiņa",
    ];

    public async Task SeedAsync(ScaleTargets targets, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var places = new ScalePlaces(refData);
        var now = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        // The people hash's key is read (or made) once, outside the steps' transactions.
        await hasher.HashAsync(SlugPrefix, ct);
        var scaleIdeas = db.Ideas.Where(i => i.AuthorEmail!.StartsWith(SlugPrefix));

        await StepAsync("communities and leaders", db.Communities.AnyAsync(c => c.Slug.StartsWith(SlugPrefix), ct),
            c => SeedCommunitiesAsync(c, targets, refData, places, now, ct), ct);
        await StepAsync("residents' accounts", db.Users.AnyAsync(u => u.Email!.StartsWith(ResidentEmailPrefix), ct),
            c => SeedResidentAccountsAsync(c, targets, now, ct), ct);
        await StepAsync("events", db.Events.AnyAsync(e => e.Slug.StartsWith(EventSlugPrefix), ct),
            c => SeedEventsAsync(c, targets, refData, places, now, ct), ct);
        await StepAsync("registrations", db.EventRegistrations.AnyAsync(r => r.Event!.Slug.StartsWith(EventSlugPrefix), ct),
            c => SeedRegistrationsAsync(c, targets, refData, places, now, ct), ct);
        await StepAsync("ideas", scaleIdeas.AnyAsync(ct),
            c => SeedIdeasAsync(c, targets, refData, places, now, ct), ct);
        await StepAsync("idea history", db.IdeaHistory.AnyAsync(h => scaleIdeas.Any(i => i.Id == h.IdeaId), ct),
            c => SeedIdeaHistoryAsync(c, ct), ct);
        await StepAsync("supports", db.IdeaSupports.AnyAsync(x => scaleIdeas.Any(i => i.Id == x.IdeaId), ct),
            c => SeedSupportsAsync(c, targets, now, ct), ct);
        if (targets.News > 0)
        {
            await StepAsync("news", db.News.AnyAsync(n => n.Community!.Slug.StartsWith(SlugPrefix), ct),
                c => SeedNewsAsync(c, targets, now, ct), ct);
        }

        if (targets.Follows > 0)
        {
            await StepAsync("follows", db.Follows.AnyAsync(f => f.User!.Email!.StartsWith(SlugPrefix), ct),
                c => SeedFollowsAsync(c, targets, refData, now, ct), ct);
        }

        if (targets.CooperationPosts > 0)
        {
            await StepAsync("cooperation posts", db.CooperationPosts.AnyAsync(p => p.Community!.Slug.StartsWith(SlugPrefix), ct),
                c => SeedCooperationAsync(c, targets, refData, now, ct), ct);
        }

        if (_seeded)
        {
            // Fresh rows are not yet all-visible: until a vacuum marks them, index-only scans (what
            // the reports rely on) still visit the table. Autovacuum would get there; the benchmark
            // should not wait for it.
            db.Database.SetCommandTimeout(TimeSpan.FromSeconds(LongTimeout));
            await db.Database.ExecuteSqlRawAsync(
                "VACUUM (ANALYZE) communities, \"AspNetUsers\", community_memberships, events, event_communities, event_registrations, ideas, idea_history, idea_supports, news_items, follows, cooperation_posts", ct);
        }

        // The reports' summary tables for what was written (the triggers marked it), vacuumed so the
        // benchmark reads them as a running portal would after autovacuum.
        await facts.RefreshAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(LongTimeout));
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) report_people, report_accounts, report_registrations, report_events, report_ideas, report_supports", ct);

        logger.LogInformation("Scale data complete in {Seconds:F0} s", Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>A municipality staff account with a known password for the benchmark (created, or its
    /// password set again), whose reports open on Ķekavas novads.</summary>
    public async Task EnsureStaffAccountAsync(string email, string password, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var user = await EnsureAccountAsync(email, password, "Mērogs Pašvaldniece", Roles.MunicipalityStaff,
            refData.TerritoryBySlug.GetValueOrDefault("kekavas-novads")?.Id);
        logger.LogInformation("Benchmark staff account {UserId} ready", user.Id);
    }

    /// <summary>An organiser account with a known password and authenticator key for the benchmark's
    /// signed-in pages (organisers use <c>/admin</c> only with two-factor sign-in, so the benchmark
    /// computes the code from the key as an authenticator app would).</summary>
    public async Task EnsureOrganiserAccountAsync(string email, string password, string authenticatorKey, CancellationToken ct)
    {
        var user = await EnsureAccountAsync(email, password, "Mērogs Organizatore", Roles.Organiser, novadsId: null);

        // Where UserManager keeps the authenticator key (its own names for them are internal).
        if (await users.GetAuthenticatorKeyAsync(user) != authenticatorKey)
        {
            Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", authenticatorKey), "the organiser's authenticator key");
        }

        Check(await users.SetTwoFactorEnabledAsync(user, true), "the organiser's two-factor sign-in");
        logger.LogInformation("Benchmark organiser account {UserId} ready", user.Id);
    }

    /// <summary>A benchmark account in its role with this password: created, or its password set again.</summary>
    private async Task<AppUser> EnsureAccountAsync(string email, string password, string name, string role, int? novadsId)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = clock.GetUtcNow(),
                NovadsId = novadsId,
            };
            Check(await users.CreateAsync(user, password), $"the benchmark's {role} account");
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            Check(await users.RemovePasswordAsync(user), $"the benchmark's {role} password");
            Check(await users.AddPasswordAsync(user, password), $"the benchmark's {role} password");
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), $"the {role} role");
        }

        return user;
    }

    /// <summary>Runs one step in its own transaction unless its table already holds scale rows.</summary>
    private async Task StepAsync(string step, Task<bool> seeded, Func<NpgsqlConnection, Task<long>> seed, CancellationToken ct)
    {
        if (await seeded)
        {
            logger.LogInformation("Scale {Step}: already there", step);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await seed((NpgsqlConnection)db.Database.GetDbConnection());
        await transaction.CommitAsync(ct);
        _seeded = true;
        logger.LogInformation("Scale {Step}: {Rows} rows in {Seconds:F1} s", step, rows, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private bool _seeded;

    private async Task<long> SeedCommunitiesAsync(NpgsqlConnection connection, ScaleTargets targets, ReferenceData refData, ScalePlaces places,
        DateTimeOffset now, CancellationToken ct)
    {
        var communities = targets.Communities;
        var leaders = targets.Leaders;
        var themeIds = refData.Themes.Select(t => t.Id).ToArray();
        var random = new Random(Seed);
        var startId = await NextIdAsync(connection, "communities", ct);
        await using (var writer = await ImportAsync(connection,
            "COPY communities (id, slug, name, legal_form, short_description, description, territory_id, novads_id, former_novads_id, parish_id, status, verified, created_at, updated_at, published_at, search_document, social_links, registration_number) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < communities; i++)
            {
                var place = places.Pick(random);
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
                // Published over the six years before today, more of them lately; many updated since.
                var created = now.AddDays(-6 * 365 * Math.Pow(random.NextDouble(), 1.5)).AddMinutes(-i);
                var updated = created + (now - created) * random.NextDouble();
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
                await writer.WriteAsync(updated, NpgsqlDbType.TimestampTz, ct);
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

        await using (var writer = await ImportAsync(connection, "COPY community_themes (community_id, theme_id) FROM STDIN (FORMAT BINARY)", ct))
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

        var userIds = Enumerable.Range(0, leaders).Select(_ => RandomGuid(random).ToString()).ToArray();
        await WriteAccountsAsync(connection, userIds, i => $"{SlugPrefix}{i + 1}{EmailDomain}", random, now, ct);

        await using (var writer = await ImportAsync(connection,
            "COPY leader_profiles (user_id, bio, territory_id, is_public, consent_given_at, consent_given_version, updated_at, search_document) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < leaders; i++)
            {
                var place = places.Pick(random);
                var isPublic = random.Next(3) > 0;
                var consentAt = now.AddDays(-random.Next(ScaleTargets.Years * 365));
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(userIds[i], NpgsqlDbType.Text, ct);
                await writer.WriteAsync($"Aktīvs iedzīvotājs: {place.Name}.", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(place.Id, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(isPublic, NpgsqlDbType.Boolean, ct);
                if (isPublic)
                {
                    await writer.WriteAsync(consentAt, NpgsqlDbType.TimestampTz, ct);
                    await writer.WriteAsync(LeaderProfile.ConsentVersion, NpgsqlDbType.Varchar, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                    await writer.WriteNullAsync(ct);
                }

                await writer.WriteAsync(consentAt, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(SearchText.Fold($"aktivs iedzivotajs {string.Join(' ', refData.PlaceNames(place.Id))}"), NpgsqlDbType.Varchar, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await ImportAsync(connection,
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

        await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('communities', 'id'), {startId + communities}); ANALYZE communities, community_themes, \"AspNetUsers\", leader_profiles, community_memberships;", ct);
        return communities + 2L * leaders;
    }

    /// <summary>Residents who made an account: they sign up signed in, write ideas and support them.</summary>
    private async Task<long> SeedResidentAccountsAsync(NpgsqlConnection connection, ScaleTargets targets, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(Seed + 2);
        var ids = Enumerable.Range(0, targets.ResidentAccounts).Select(_ => RandomGuid(random).ToString()).ToArray();
        await WriteAccountsAsync(connection, ids, i => $"{ResidentEmailPrefix}{i + 1}{EmailDomain}", random, now, ct);
        await ExecuteAsync(connection, "ANALYZE \"AspNetUsers\";", ct);
        return ids.Length;
    }

    private static async Task WriteAccountsAsync(NpgsqlConnection connection, string[] ids, Func<int, string> email, Random random,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var writer = await ImportAsync(connection,
            "COPY \"AspNetUsers\" (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, display_name, preferred_culture, created_at) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < ids.Length; i++)
        {
            var address = email(i);
            await writer.StartRowAsync(ct);
            writer.Write(ids[i], NpgsqlDbType.Text);
            writer.Write(address, NpgsqlDbType.Varchar);
            writer.Write(address.ToUpperInvariant(), NpgsqlDbType.Varchar);
            writer.Write(address, NpgsqlDbType.Varchar);
            writer.Write(address.ToUpperInvariant(), NpgsqlDbType.Varchar);
            writer.Write(true, NpgsqlDbType.Boolean);
            writer.Write(RandomGuid(random).ToString("N"), NpgsqlDbType.Text);
            writer.Write(RandomGuid(random).ToString(), NpgsqlDbType.Text);
            writer.Write(false, NpgsqlDbType.Boolean);
            writer.Write(false, NpgsqlDbType.Boolean);
            writer.Write(true, NpgsqlDbType.Boolean);
            writer.Write(0, NpgsqlDbType.Integer);
            writer.Write($"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}", NpgsqlDbType.Varchar);
            writer.Write(random.Next(100) < 8 ? "en" : "lv", NpgsqlDbType.Varchar);
            writer.Write(now.AddDays(-random.Next(ScaleTargets.Years * 365)), NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>A random (version 4 shaped) id from the step's own random numbers, so runs repeat.</summary>
    internal static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    /// <summary>The lowercase hex SHA-256 of a text: stands in for the hash of a random token.</summary>
    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = LongTimeout };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Seconds a bulk statement may take (its constraint checks run as it completes).</summary>
    private const int LongTimeout = 900;

    private static async Task<NpgsqlBinaryImporter> ImportAsync(NpgsqlConnection connection, string copy, CancellationToken ct)
    {
        var writer = await connection.BeginBinaryImportAsync(copy, ct);
        writer.Timeout = TimeSpan.FromSeconds(LongTimeout);
        return writer;
    }

    /// <summary>A large load goes faster into a table without its secondary indexes, built once
    /// afterwards: drops them (not the primary key, nor an index a constraint needs) and returns
    /// their definitions as PostgreSQL has them, so they come back exactly as the migrations made
    /// them. The table is locked until the step's transaction ends.</summary>
    private static async Task<List<string>> DropIndexesAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = @table::regclass AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, connection))
        {
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name};", ct);
        }

        return indexes.Select(i => i.Definition).ToList();
    }

    private static Task RebuildIndexesAsync(NpgsqlConnection connection, List<string> definitions, CancellationToken ct) =>
        ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '256MB';\n" + string.Join(";\n", definitions) + ";", ct);

    private static async Task<int> NextIdAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}", connection);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, int? value, CancellationToken ct) =>
        value is { } v ? writer.WriteAsync(v, NpgsqlDbType.Integer, ct) : writer.WriteNullAsync(ct);
}
