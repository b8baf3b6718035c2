using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data.Seed;

/// <summary>One invented person of the scale data: who signs up for events and writes ideas.</summary>
internal sealed record ScalePerson(
    string Email,
    string Name,
    string? UserId,
    bool IsLeader,
    TerritoryInfo Home,
    int NovadsId,
    ParticipantType Type,
    int? CommunityId,
    string? CommunityName,
    string Culture);

/// <summary>The people of the scale data, the same on every run: the first are scale leaders (their
/// accounts and communities), then residents with an account, then people without one. Rebuilt from
/// the accounts in the database by each step that needs them, so steps can run on their own.</summary>
internal sealed class ScalePeople
{
    private readonly string?[] _hashes;

    private ScalePeople(ScalePerson[] all)
    {
        All = all;
        _hashes = new string?[all.Length];
        Leaders = Enumerable.Range(0, all.Length).Where(i => all[i].IsLeader).ToArray();
    }

    public ScalePerson[] All { get; }

    /// <summary>Indexes of the people who lead a community (the only ones a leaders-only event takes).</summary>
    public int[] Leaders { get; }

    /// <summary>The people hash of person <paramref name="i"/>, as the portal computes it at sign-up.</summary>
    public async ValueTask<string> HashAsync(int i, PersonHasher hasher, CancellationToken ct) =>
        _hashes[i] ??= await hasher.HashAsync(All[i].Email, ct);

    public static async Task<ScalePeople> LoadAsync(AppDbContext db, ScaleTargets targets, ScalePlaces places, CancellationToken ct)
    {
        var leaders = (await (from m in db.CommunityMemberships.AsNoTracking()
                              join u in db.Users on m.UserId equals u.Id
                              where m.IsLeader && u.Email!.StartsWith(ScaleSeeder.SlugPrefix) && !u.Email.StartsWith(ScaleSeeder.ResidentEmailPrefix)
                              select new { u.Id, Email = u.Email!, u.DisplayName, m.CommunityId }).ToListAsync(ct))
            .DistinctBy(l => l.Id).OrderBy(l => l.Email.Length).ThenBy(l => l.Email, StringComparer.Ordinal).ToList();
        var residents = (await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith(ScaleSeeder.ResidentEmailPrefix))
                .Select(u => new { u.Id, Email = u.Email!, u.DisplayName }).ToListAsync(ct))
            .OrderBy(r => r.Email.Length).ThenBy(r => r.Email, StringComparer.Ordinal).ToList();

        var random = new Random(ScaleSeeder.Seed + 1);
        var leaderCount = Math.Min(leaders.Count, targets.People * 8 / 100);
        var residentCount = Math.Min(residents.Count, targets.People * 40 / 100);
        var all = new ScalePerson[targets.People];
        for (var i = 0; i < all.Length; i++)
        {
            var home = places.Pick(random);
            var culture = random.Next(100) < 8 ? "en" : "lv";
            var roll = random.Next(100);
            if (i < leaderCount)
            {
                var l = leaders[i];
                all[i] = new ScalePerson(l.Email, l.DisplayName, l.Id, true, home, ScalePlaces.NovadsOf(home),
                    roll < 85 ? ParticipantType.NgoRepresentative : ParticipantType.Resident, roll < 85 ? l.CommunityId : null, null, culture);
                continue;
            }

            var type = roll < 84 ? ParticipantType.Resident : roll < 96 ? ParticipantType.NgoRepresentative : ParticipantType.MunicipalityStaff;
            // Without a community in the directory to choose, a representative types its name.
            var typedCommunity = type == ParticipantType.NgoRepresentative
                ? $"{ScaleSeeder.Kinds[random.Next(ScaleSeeder.Kinds.Length)]} „{ScaleSeeder.Words[random.Next(ScaleSeeder.Words.Length)]}”"
                : null;
            if (i < leaderCount + residentCount)
            {
                var r = residents[i - leaderCount];
                all[i] = new ScalePerson(r.Email, r.DisplayName, r.Id, false, home, ScalePlaces.NovadsOf(home), type, null, typedCommunity, culture);
            }
            else
            {
                var name = $"{ScaleSeeder.FirstNames[random.Next(ScaleSeeder.FirstNames.Length)]} {ScaleSeeder.LastNames[random.Next(ScaleSeeder.LastNames.Length)]}";
                all[i] = new ScalePerson($"{ScaleSeeder.SlugPrefix}dalibnieks-{i + 1}{ScaleSeeder.EmailDomain}", name, null, false, home,
                    ScalePlaces.NovadsOf(home), type, null, typedCommunity, culture);
            }
        }

        return new ScalePeople(all);
    }
}
