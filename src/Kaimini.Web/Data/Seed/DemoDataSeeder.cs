using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data.Seed;

/// <summary>Invented demo communities for ./kaimini run, added once (matched by slug).</summary>
public class DemoDataSeeder(AppDbContext db, ReferenceCache reference, UserManager<AppUser> users, TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var existing = (await db.Communities.Select(c => c.Slug).ToListAsync(ct)).ToHashSet();
        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, ct);
        var territories = await db.Territories.ToDictionaryAsync(t => t.Id, ct);
        var leader = await users.FindByEmailAsync("lideris@kaimini.test");
        var now = clock.GetUtcNow();
        var added = 0;
        for (var i = 0; i < DemoCommunities.All.Count; i++)
        {
            var demo = DemoCommunities.All[i];
            var slug = Slug.From(demo.Name);
            if (existing.Contains(slug))
            {
                continue;
            }

            var territory = territories.Values.Single(t => t.Name == demo.Place && t.Kind != TerritoryKind.FormerNovads);
            var community = new Community
            {
                Slug = slug,
                Name = demo.Name,
                LegalForm = demo.Form,
                ShortDescription = demo.Short,
                Description = $"{demo.Short}\n\nMēs tiekamies regulāri un aicinām pievienoties ikvienu, kam rūp **{demo.Place}**.\n\n- kopīgi pasākumi\n- idejas un projekti\n- sadarbība ar pašvaldību",
                FoundedYear = demo.Founded,
                Street = demo.Street,
                PostalCode = demo.PostalCode,
                RegistrationNumber = demo.Form.IsRegistered() ? DemoCommunities.RegistrationNumber(i) : null,
                PublicEmail = $"kopiena{i + 1}@kaimini.test",
                Phone = i % 3 == 0 ? $"+3712{6000000 + i * 1234:D7}" : null,
                Website = i % 4 == 0 ? $"https://kopiena{i + 1}.example.lv/" : null,
                Status = CommunityStatus.Published,
                Verified = demo.Form.IsRegistered() && i % 2 == 0,
                CreatedAt = now.AddDays(-400 + i * 9),
                UpdatedAt = now.AddDays(-400 + i * 9),
                PublishedAt = now.AddDays(-399 + i * 9),
            };
            community.PlaceIn(territory);
            foreach (var theme in demo.Themes)
            {
                community.Themes.Add(themes[theme]);
            }

            community.RefreshSearchDocument(refData.PlaceNames(territory.Id));
            if (leader is not null && i < 3)
            {
                community.Memberships.Add(new CommunityMembership { UserId = leader.Id, Role = MembershipRole.Chair, IsLeader = true, CreatedAt = now });
            }

            db.Communities.Add(community);
            added++;
        }

        if (leader is not null && !await db.LeaderProfiles.AnyAsync(p => p.UserId == leader.Id, ct))
        {
            var territory = territories.Values.Single(t => t.Name == "Piņķi");
            var profile = new LeaderProfile
            {
                UserId = leader.Id,
                Bio = "Vadu Piņķu kaimiņu biedrību un palīdzu jaunām kopienām sākt darbu.",
                TerritoryId = territory.Id,
                UpdatedAt = now,
                SearchDocument = SearchText.Fold($"{leader.DisplayName} Vadu Piņķu kaimiņu biedrību {string.Join(' ', refData.PlaceNames(territory.Id))}"),
            };
            profile.Interests.Add(themes["neighbourhood"]);
            profile.Interests.Add(themes["civic"]);
            profile.SetConsent(true, now);
            db.LeaderProfiles.Add(profile);
        }

        await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            logger.LogInformation("Seeded {CommunityCount} demo communities", added);
        }
    }
}
