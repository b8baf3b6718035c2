using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data.Seed;

/// <summary>Invented demo communities for ./kaimini run, added once (matched by slug).</summary>
public class DemoDataSeeder(AppDbContext db, ReferenceCache reference, UserManager<AppUser> users, PersonHasher hasher,
    TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    /// <summary>Invented leaders (accounts without a password: they cannot log in): name, home,
    /// bio, whether they agreed to be shown, and the demo communities they help lead.</summary>
    private static readonly (string Name, string Place, string Bio, bool Public, int[] Communities, string[] Interests)[] Leaders =
    [
        ("Ilga Zemīte", "Olaine", "Vadu Olaines kultūras biedrības kori un rīkoju koncertus.", true, [10, 11], ["culture", "minorities"]),
        ("Roberts Liepkalns", "Ķekava", "Pētu Ķekavas vēsturi un vadu jauniešu domi.", true, [17, 18], ["heritage", "youth"]),
        ("Sarmīte Ozoliņa", "Baloži", "Senioru biedrības priekšsēdētāja; organizēju ekskursijas.", true, [19], ["seniors"]),
        ("Gatis Bērziņš", "Baldone", "Brīvprātīgais ugunsdzēsējs un kūrorta attīstības biedrības valdes loceklis.", true, [23, 24], ["rescue", "health"]),
        ("Līva Kārkliņa", "Mārupe", "Jauniešu iniciatīvu centra koordinatore.", false, [5], ["youth"]),
        ("Oļegs Rudzītis", "Jaunolaine", "Trenēju bērnus sporta klubā.", false, [12], ["sport"]),
    ];

    /// <summary>A run like the real one: three forums, the Dižkūre, a study trip and community events,
    /// past and upcoming (times are Riga wall-clock times, stored in UTC).</summary>
    private async Task SeedEventsAsync(ReferenceData refData, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Events.AnyAsync(ct))
        {
            return;
        }

        (string Title, EventKind Kind, string Place, string Venue, int InDays, int Hour, int Hours, int? Capacity, string Description)[] events =
        [
            ("Ideju skrejceļš Olainē", EventKind.Forum, "Olaine", "Olaines kultūras nams", 14, 10, 4, 60,
                "Iedzīvotāju forums piecās tematiskajās grupās: kultūra un izglītība; vide, mājoklis, drošība; uzņēmējdarbība, tūrisms, amatniecība; sports, atpūta, iespējas jauniešiem; iedzīvotāju kopienas."),
            ("Ideju skrejceļš Jaunmārupē", EventKind.Forum, "Jaunmārupe", "Jaunmārupes pamatskola", 21, 10, 4, 60,
                "Sarunas par Mārupes un Babītes vajadzībām un idejām kopā ar pašvaldības pārstāvjiem."),
            ("Ideju skrejceļš Ķekavā", EventKind.Forum, "Ķekava", "Ķekavas kultūras nams", 28, 10, 4, 2,
                "Forums Ķekavas, Baložu, Daugmales un Baldones iedzīvotājiem. Vietu skaits demonstrācijai ir neliels: pieteikumi pēc tam nonāk rindā."),
            ("Dižkūre — kopienu līderu retrīts", EventKind.Retreat, "Baldones pagasts", "Viesu nams Baldones pagastā", 45, 10, 32, 30,
                "Divu dienu retrīts kopienu līderiem: pieredze, iedvesma un sadarbība."),
            ("Pieredzes apmaiņas brauciens uz Kurzemi", EventKind.StudyTrip, "Mārupe", "Izbraukšana no Mārupes novada domes", 60, 8, 12, 40,
                "NVO un pašvaldības darbinieku kopīgs brauciens pie Kurzemes kopienām."),
            ("Talka Piņķu parkā", EventKind.CommunityEvent, "Piņķi", "Piņķu parks", 7, 10, 3, null,
                "Piņķu kaimiņu biedrības pavasara talka. Cimdus un maisus nodrošinām."),
            ("Ideju skrejceļš 2025: rezultātu tikšanās", EventKind.Forum, "Olaine", "Olaines kultūras nams", -30, 17, 2, null,
                "Pagājušā gada foruma ideju rezultātu pārskats."),
            ("Dižkūre 2025", EventKind.Retreat, "Baldones pagasts", "Viesu nams Baldones pagastā", -75, 10, 32, 30,
                "Pagājušā gada līderu retrīts."),
            ("Kaimiņu talka Jaunolainē", EventKind.CommunityEvent, "Jaunolaine", "Jaunolaines skvērs", -50, 10, 3, null,
                "Divu biedrību kopīga rudens talka."),
        ];
        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, ct);
        var communities = await db.Communities.Where(c => c.Status == CommunityStatus.Published).OrderBy(c => c.Id).Take(40).ToListAsync(ct);
        foreach (var (title, kind, place, venue, inDays, hour, hours, capacity, description) in events)
        {
            var territory = refData.Territories.First(t => t.Name == place && t.Kind != TerritoryKind.FormerNovads);
            var day = now.ToRiga().Date.AddDays(inDays).AddHours(hour);
            var starts = RigaTime.FromRiga(day);
            var ev = new Event
            {
                Slug = Slug.From($"{title} {day:yyyy-MM-dd}"),
                Title = title,
                Kind = kind,
                Description = description,
                StartsAt = starts,
                EndsAt = starts.AddHours(hours),
                Venue = venue,
                TerritoryId = territory.Id,
                Latitude = DemoCommunities.Near(territory.Point?.Latitude, territory.Point?.Longitude, title.Length).Latitude,
                Longitude = DemoCommunities.Near(territory.Point?.Latitude, territory.Point?.Longitude, title.Length).Longitude,
                Capacity = capacity,
                Status = inDays < 0 ? EventStatus.Completed : EventStatus.Published,
                OrganisingPartnerships = place is "Ķekava" or "Baldones pagasts" ? Partnerships.PartneribaDaugavkrasts
                    : kind == EventKind.CommunityEvent ? Partnerships.None
                    : Partnerships.PierigasPartneriba | Partnerships.PartneribaDaugavkrasts,
                CreatedAt = now,
                PublishedAt = now,
                UpdatedAt = now,
            };
            switch (kind)
            {
                case EventKind.Forum:
                    ev.ThemeId = themes.GetValueOrDefault("civic")?.Id;
                    string[][] agenda = [["10.00", "Reģistrācija un kafija"], ["10.30", "Ievads: ko mēs zinām par savu apkaimi"],
                        ["11.00", "Darbs piecās tematiskajās grupās"], ["12.30", "Grupu ideju prezentācijas"], ["13.30", "Pašvaldības pārstāvju komentāri un noslēgums"]];
                    for (var i = 0; i < agenda.Length; i++)
                    {
                        ev.Agenda.Add(new AgendaItem { Position = i + 1, Time = agenda[i][0], Title = agenda[i][1] });
                    }

                    AddDefaultGroups(ev);
                    break;
                case EventKind.Retreat:
                    ev.Audience = EventAudience.LeadersOnly;
                    ev.Agenda.Add(new AgendaItem { Position = 1, Time = "1. diena, 10.00", Title = "Iepazīšanās un kopienu stāsti" });
                    ev.Agenda.Add(new AgendaItem { Position = 2, Time = "1. diena, 15.00", Title = "Darbnīca: brīvprātīgo piesaiste" });
                    ev.Agenda.Add(new AgendaItem { Position = 3, Time = "2. diena, 9.30", Title = "Sadarbības plāns nākamajam gadam" });
                    break;
                case EventKind.StudyTrip:
                    ev.NgoQuota = 25;
                    ev.MunicipalityQuota = 15;
                    ev.ThemeId = themes.GetValueOrDefault("neighbourhood")?.Id;
                    break;
                case EventKind.CommunityEvent:
                    ev.ThemeId = themes.GetValueOrDefault("environment")?.Id;
                    // Neighbouring communities organise together: the network's cooperation.
                    foreach (var c in communities.Where(c => c.TerritoryId == territory.Id || c.ParishId == territory.ParentId).Take(2))
                    {
                        ev.Communities.Add(c);
                    }

                    break;
            }

            if (inDays < 0 && kind == EventKind.Forum)
            {
                ev.OutcomeSummary = "Forumā piedalījās iedzīvotāji no Olaines, Jaunolaines un Grēnes. Pārrunājām pagājušā gada idejas un to, kas no tām jau īstenots.";
                ev.OutcomeDecisions = "- Gājēju celiņa apgaismojums Jaunolainē nodots pašvaldībai izvērtēšanai.\n- Kopienu dārzu tīklu veidos divas biedrības kopā.";
                ev.HeadCount = 47;
                ev.OutcomeRecordedAt = starts.AddDays(2);
            }

            db.Events.Add(ev);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Invented participants of the past events, checked in at the door (so the reports have
    /// something to count): the same addresses come back to several events, one in eight did not come,
    /// and a few people came to each forum without signing up (walk-ins, one with a name); the
    /// municipality demo account's reports open on Olaines novads.</summary>
    private async Task SeedAttendanceAsync(ReferenceData refData, DateTimeOffset now, CancellationToken ct)
    {
        var staff = await users.FindByEmailAsync("pasvaldiba@kaimini.test");
        if (staff is { NovadsId: null } && refData.TerritoryBySlug.TryGetValue("olaines-novads", out var olaine))
        {
            staff.NovadsId = olaine.Id;
            await users.UpdateAsync(staff);
        }

        var past = await db.Events.Where(e => e.StartsAt < now && e.Status != EventStatus.Cancelled && !e.Registrations.Any())
            .OrderBy(e => e.StartsAt).ToListAsync(ct);
        if (past.Count == 0)
        {
            return;
        }

        var homes = refData.Territories.Where(t => t.Kind is TerritoryKind.Pagasts or TerritoryKind.Pilseta).ToList();
        var communities = await db.Communities.Where(c => c.Status == CommunityStatus.Published).OrderBy(c => c.Id).Select(c => c.Id).Take(12).ToListAsync(ct);
        if (communities.Count >= 2 && past.FirstOrDefault(e => e.Kind == EventKind.CommunityEvent) is { } together)
        {
            await db.Entry(together).Collection(e => e.Communities).LoadAsync(ct);
            foreach (var id in communities.Take(2))
            {
                together.Communities.Add(await db.Communities.SingleAsync(c => c.Id == id, ct));
            }
        }

        for (var e = 0; e < past.Count; e++)
        {
            var ev = past[e];
            var count = ev.Kind == EventKind.Forum ? 34 : ev.Kind == EventKind.Retreat ? 18 : 12;
            for (var i = 0; i < count; i++)
            {
                // Participants 0–39, each event a different slice of them, so some come back.
                var n = (i + e * 11) % 40;
                var type = n % 10 == 0 ? ParticipantType.MunicipalityStaff
                    : n % 3 == 0 || ev.Kind == EventKind.Retreat ? ParticipantType.NgoRepresentative
                    : n % 13 == 1 ? ParticipantType.Other
                    : ParticipantType.Resident;
                var email = $"dalibnieks{n + 1}@kaimini.test";
                db.EventRegistrations.Add(new EventRegistration
                {
                    EventId = ev.Id,
                    Name = $"Dalībnieks {n + 1}",
                    Email = email,
                    PersonHash = await hasher.HashAsync(email, ct),
                    ParticipantType = type,
                    TerritoryId = homes[n % homes.Count].Id,
                    CommunityId = type == ParticipantType.NgoRepresentative && communities.Count > 0 ? communities[n % communities.Count] : null,
                    Status = RegistrationStatus.Confirmed,
                    ManageTokenHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                    CreatedAt = ev.StartsAt.AddDays(-10),
                    // One in eight did not come.
                    CheckedInAt = i % 8 == 7 ? null : ev.StartsAt.AddMinutes(i % 30),
                });
            }

            if (ev.Kind == EventKind.Forum)
            {
                for (var w = 0; w < 3; w++)
                {
                    db.EventRegistrations.Add(EventRegistration.NewWalkIn(ev.Id, w == 2 ? ParticipantType.Other : ParticipantType.Resident,
                        homes[(e + w) % homes.Count].Id, w == 0 ? "Kaimiņiene bez pieteikuma" : null, ev.StartsAt.AddMinutes(20 + w)));
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static void AddDefaultGroups(Event ev)
    {
        var position = 0;
        foreach (var (nameLv, nameEn) in ForumGroupDefaults.All)
        {
            ev.Groups.Add(new ForumGroup { Position = ++position, NameLv = nameLv, NameEn = nameEn });
        }
    }

    private async Task SeedLeadersAsync(ReferenceData refData, Dictionary<string, Theme> themes, DateTimeOffset now, CancellationToken ct)
    {
        var slugs = DemoCommunities.All.Select(d => Slug.From(d.Name)).ToList();
        var communities = await db.Communities.Where(c => slugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Slug, ct);
        for (var i = 0; i < Leaders.Length; i++)
        {
            var (name, place, bio, isPublic, leads, interests) = Leaders[i];
            var email = $"lideris{i + 2}@kaimini.test";
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo leader {i + 2}: {string.Join("; ", created.Errors.Select(e => e.Code))}");
            }

            var territory = refData.Territories.First(t => t.Name == place && t.Kind != TerritoryKind.FormerNovads);
            var profile = new LeaderProfile
            {
                UserId = user.Id,
                Bio = bio,
                TerritoryId = territory.Id,
                UpdatedAt = now,
                SearchDocument = SearchText.Fold($"{name} {bio} {string.Join(' ', refData.PlaceNames(territory.Id))}"),
            };
            foreach (var interest in interests)
            {
                profile.Interests.Add(themes[interest]);
            }

            profile.SetConsent(isPublic, now);
            db.LeaderProfiles.Add(profile);
            foreach (var index in leads)
            {
                if (communities.TryGetValue(slugs[index], out var community))
                {
                    db.CommunityMemberships.Add(new CommunityMembership
                    {
                        CommunityId = community.Id,
                        UserId = user.Id,
                        IsLeader = true,
                        CreatedAt = now,
                        Role = index == leads[0] ? MembershipRole.Chair : MembershipRole.BoardMember,
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

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
                Latitude = DemoCommunities.Near(territory.Latitude, territory.Longitude, i).Latitude,
                Longitude = DemoCommunities.Near(territory.Latitude, territory.Longitude, i).Longitude,
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
        await SeedLeadersAsync(refData, themes, now, ct);
        await SeedEventsAsync(refData, now, ct);
        await SeedAttendanceAsync(refData, now, ct);
        if (added > 0)
        {
            logger.LogInformation("Seeded {CommunityCount} demo communities", added);
        }

        await DemoIdeas.SeedAsync(db, refData, now, ct);
        await DemoNews.SeedAsync(db, refData, now, ct);
        await DemoCooperation.SeedAsync(db, refData, now, ct);
        await DemoRun2021.SeedAsync(db, refData, hasher, ct);
        await DemoPopulation.SeedAsync(db, refData, now, ct);
    }
}
