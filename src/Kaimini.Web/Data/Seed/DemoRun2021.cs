using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data.Seed;

/// <summary>The project's 2021 run, reproduced for ./kaimini run so the reports have a real-shaped
/// year to show: three "Ideju skrejceļš" forums (Olaine, Jaunmārupe, Ķekava) with five thematic
/// groups each, about 140 participants and 160 ideas (some answered, some carried out), a Dižkūre
/// and a study trip with NGO and municipality participants. The dates are the run's own (it is
/// history, not relative to today); every name and address is invented. Added once: nothing
/// happens when the first forum's slug exists.</summary>
public static class DemoRun2021
{
    public const string MarkerSlug = "ideju-skrejcels-olaine-2021";

    private sealed record Forum(string Slug, string Title, string VenuePlace, string Venue, DateOnly Day, string[] Places, int FirstPerson, string Outcome);

    private static readonly Forum[] Forums =
    [
        new(MarkerSlug, "Ideju skrejceļš Olainē 2021", "Olaine", "Olaines kultūras nams", new DateOnly(2021, 9, 11),
            ["Olaine", "Olaines pagasts", "Jaunolaine", "Grēnes", "Stūnīši"], 0,
            "Piecās grupās strādāja Olaines, Jaunolaines, Grēņu un Stūnīšu iedzīvotāji; idejas nodotas pašvaldībai un biedrībām."),
        new("ideju-skrejcels-jaunmarupe-2021", "Ideju skrejceļš Jaunmārupē 2021", "Jaunmārupe", "Jaunmārupes pamatskola", new DateOnly(2021, 9, 18),
            ["Mārupe", "Jaunmārupe", "Mārupes pagasts", "Babītes pagasts", "Piņķi", "Salas pagasts"], 48,
            "Mārupes un Babītes iedzīvotāji pārrunāja ceļus, jauniešu iespējas un kopienu telpas."),
        new("ideju-skrejcels-kekava-2021", "Ideju skrejceļš Ķekavā 2021", "Ķekava", "Ķekavas kultūras nams", new DateOnly(2021, 9, 25),
            ["Ķekava", "Baloži", "Ķekavas pagasts", "Daugmales pagasts", "Baldone", "Baldones pagasts"], 96,
            "Ķekavas, Baložu, Daugmales un Baldones iedzīvotāji; daudz ideju par Daugavas krastiem un Baldones kūrortu."),
    ];

    /// <summary>Ideas as the five groups wrote them down, in the order of the forum groups.</summary>
    private static readonly (string Title, string Body, string Theme)[][] GroupIdeas =
    [
        [
            ("Vasaras koncerti estrādē", "Reizi mēnesī vasarā bezmaksas koncerti ar vietējiem kolektīviem.", "culture"),
            ("Interešu izglītība pieaugušajiem", "Vakara nodarbības valodās, digitālajās prasmēs un rokdarbos.", "education"),
            ("Bibliotēka atvērta sestdienās", "Strādājošiem vecākiem vajag bibliotēku arī brīvdienās.", "education"),
            ("Novadpētniecības stāstu vakari", "Vecākā paaudze stāsta par ciema vēsturi, skolēni pieraksta.", "heritage"),
            ("Kora un deju kolektīvu telpas", "Kolektīviem trūkst mēģinājumu telpu ar labu akustiku.", "culture"),
            ("Mūzikas nodarbības bērniem uz vietas", "Bērniem jābrauc tālu uz mūzikas skolu; vajadzīgas nodarbības tuvāk mājām.", "education"),
            ("Brīvdabas kino vakari", "Filmas parkā uz liela ekrāna, kopiena palīdz ar tehniku.", "culture"),
            ("Senioru datorprasmju kursi", "Brīvprātīgie jaunieši māca senioriem lietot e-pakalpojumus.", "seniors"),
        ],
        [
            ("Apgaismots gājēju celiņš līdz stacijai", "Gar ceļu nav ietves; bērni iet pa brauktuvi.", "safety"),
            ("Šķirošanas konteineri pagalmos", "Papīra un plastmasas konteineri pie daudzdzīvokļu mājām.", "environment"),
            ("Ielu apgaismojums pie pieturas", "Naktīs pie autobusa pieturas ir pilnīgi tumšs.", "safety"),
            ("Ātruma vaļņi pie skolas", "Rītos pie skolas brauc par ātru; vajadzīgi vaļņi un zīmes.", "safety"),
            ("Koku stādīšana jaunajās ielās", "Iedzīvotāji paši stādīs kokus, ja pašvaldība ierādīs vietas.", "new-developments"),
            ("Lietus ūdens novadīšana ciematā", "Pēc lietavām ielas applūst; vajadzīgi grāvji un caurtekas.", "new-developments"),
            ("Upes krasta sakopšana", "Kopīga talka un atkritumu urnas pie peldvietas.", "waterfronts"),
            ("Veloceliņš starp ciemiem", "Droša velosipēdu satiksme starp ciemiem un līdz skolai.", "environment"),
        ],
        [
            ("Vietējo ražotāju tirdziņš", "Sestdienu tirdziņš ar vietējo maizi, medu un dārzeņiem.", "enterprise"),
            ("Amatu darbnīca jauniešiem", "Kokapstrāde un keramika kopā ar vietējiem amatniekiem.", "enterprise"),
            ("Tūrisma taka ar stendiem", "Marķēta taka ar stāstiem par dabu un vēsturi.", "heritage"),
            ("Mājražotāju kopīga vietne", "Viena vieta internetā, kur piedāvāt vietējos produktus.", "enterprise"),
            ("Kopstrādes telpa", "Telpa attālinātajam darbam un mazajiem uzņēmējiem.", "enterprise"),
            ("Vietējo amatnieku gadatirgus", "Reizi gadā amatnieku gadatirgus ar darbnīcām bērniem.", "culture"),
        ],
        [
            ("Skeitparks pie skolas", "Jauniešiem nav kur droši braukt ar skrituļdēļiem.", "youth"),
            ("Āra trenažieri parkā", "Vienkārši trenažieri pieaugušajiem un senioriem.", "sport"),
            ("Jauniešu centrs", "Telpa pēc skolas ar galda spēlēm un darbnīcām.", "youth"),
            ("Nakts basketbols vasarā", "Piektdienu vakaros spēles treneru uzraudzībā.", "youth"),
            ("Slēpošanas trase mežā", "Ziemā apgaismota distanču slēpošanas trase.", "sport"),
            ("Rotaļu laukums ciema centrā", "Mazajiem bērniem nav droša rotaļu laukuma.", "neighbourhood"),
            ("Peldvieta ar glābēju", "Vasarā vajadzīga uzraudzīta peldvieta.", "waterfronts"),
        ],
        [
            ("Kopienas telpa kaimiņu tikšanās reizēm", "Vieta jauno ģimeņu rītiem un kaimiņu sapulcēm.", "neighbourhood"),
            ("Kaimiņu svētki", "Reizi gadā kopīgi ielas svētki ar vietējiem mūziķiem.", "neighbourhood"),
            ("Ciemu iniciatīvu grupu tikšanās", "Ciemu aktīvisti satiekas reizi ceturksnī un raksta projektus kopā.", "civic"),
            ("Brīvprātīgo banka", "Saraksts, kur kaimiņi piedāvā palīdzību un prasmes.", "civic"),
            ("Iedzīvotāju padome pie pašvaldības", "Regulāras sarunas ar pašvaldību par ciemu vajadzībām.", "civic"),
            ("Informācijas stends ciema centrā", "Vieta sludinājumiem un pašvaldības ziņām tiem, kas nelieto internetu.", "neighbourhood"),
            ("Kopienu dārzs", "Kopīgas dobes daudzdzīvokļu māju iedzīvotājiem.", "environment"),
        ],
    ];

    /// <summary>How the municipality answered, in turn, the ideas addressed to it (null: not yet).</summary>
    private static readonly (IdeaResponse? Response, int Days, string? Reply)[] Answers =
    [
        (IdeaResponse.Accepted, 21, "Paldies! Iekļausim nākamā gada budžeta projektā."),
        (IdeaResponse.Done, 14, "Izdarīts: darbi pabeigti 2022. gada pavasarī."),
        (IdeaResponse.InProgress, 45, "Projektēšana sākta; būvdarbi paredzēti nākamgad."),
        (IdeaResponse.Declined, 30, "Šobrīd tam nav finansējuma; atgriezīsimies pie jautājuma, kad būs projektu konkurss."),
        (IdeaResponse.UnderReview, 9, "Izvērtējam kopā ar atbildīgo nodaļu."),
        (IdeaResponse.Done, 60, "Īstenots kopā ar vietējo biedrību."),
        (null, 0, null),
        (IdeaResponse.Accepted, 75, "Atbalstām; sāksim ar izpēti."),
    ];

    private static readonly string[] FirstNames =
        ["Anna", "Jānis", "Ilze", "Andris", "Kristīne", "Mārtiņš", "Laura", "Edgars", "Zane", "Raimonds", "Inese", "Gints", "Dace", "Uldis", "Līga"];

    private static readonly string[] LastNames = ["Kalniņa", "Ozols", "Bērziņa", "Liepiņš", "Krūmiņa", "Vītols", "Eglīte", "Zariņš", "Siliņa", "Lācis"];

    public static async Task SeedAsync(AppDbContext db, ReferenceData refData, PersonHasher hasher, CancellationToken ct)
    {
        if (await db.Events.AnyAsync(e => e.Slug == MarkerSlug, ct))
        {
            return;
        }

        var themes = refData.ThemeBySlug;
        int Place(string name) => refData.Territories.First(t => t.Name == name && t.Kind != TerritoryKind.FormerNovads).Id;
        var civic = themes.GetValueOrDefault("civic")?.Id;
        var communities = await db.Communities.Where(c => c.Status == CommunityStatus.Published).OrderBy(c => c.Id).Take(12).ToListAsync(ct);
        var leaders = await db.CommunityMemberships.AsNoTracking().Where(m => m.IsLeader && m.User!.Email!.EndsWith("@kaimini.test"))
            .Select(m => new { m.UserId, m.User!.Email, m.User.DisplayName, m.CommunityId }).Distinct().ToListAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.Email == "pasvaldiba@kaimini.test").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);

        var people = 0;
        async Task<EventRegistration> Registration(Event ev, int person, int home, ParticipantType type, bool attended, int? communityId = null) => new()
        {
            Event = ev,
            Name = $"{FirstNames[person % FirstNames.Length]} {LastNames[person / FirstNames.Length % LastNames.Length]}",
            Email = $"dalibnieks-2021-{person + 1}@kaimini.test",
            PersonHash = await hasher.HashAsync($"dalibnieks-2021-{person + 1}@kaimini.test", ct),
            ParticipantType = type,
            TerritoryId = home,
            CommunityId = communityId,
            Status = RegistrationStatus.Confirmed,
            ManageTokenHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            EmailConfirmedAt = ev.StartsAt.AddDays(-12),
            CreatedAt = ev.StartsAt.AddDays(-12).AddMinutes(person),
            CheckedInAt = attended ? ev.StartsAt.AddMinutes(person % 40) : null,
        };

        var forums = new List<(Forum Forum, Event Event)>();
        foreach (var f in Forums)
        {
            var starts = RigaTime.FromRiga(f.Day.ToDateTime(new TimeOnly(10, 0)));
            var ev = new Event
            {
                Slug = f.Slug,
                Title = f.Title,
                Kind = EventKind.Forum,
                Description = "Iedzīvotāju forums piecās tematiskajās grupās par apkaimes vajadzībām un idejām, kopā ar pašvaldības pārstāvjiem.",
                StartsAt = starts,
                EndsAt = starts.AddHours(4),
                Venue = f.Venue,
                TerritoryId = Place(f.VenuePlace),
                Capacity = 60,
                ThemeId = civic,
                Status = EventStatus.Completed,
                OrganisingPartnerships = f.VenuePlace == "Ķekava" ? Partnerships.PartneribaDaugavkrasts : Partnerships.PierigasPartneriba,
                OutcomeSummary = f.Outcome,
                OutcomeRecordedAt = starts.AddDays(3),
                CreatedAt = starts.AddDays(-40),
                UpdatedAt = starts.AddDays(3),
            };
            string[][] agenda = [["10.00", "Reģistrācija un kafija"], ["10.30", "Ievads"], ["11.00", "Darbs piecās tematiskajās grupās"],
                ["12.30", "Grupu ideju prezentācijas"], ["13.30", "Pašvaldības pārstāvju komentāri"]];
            for (var i = 0; i < agenda.Length; i++)
            {
                ev.Agenda.Add(new AgendaItem { Position = i + 1, Time = agenda[i][0], Title = agenda[i][1] });
            }

            var position = 0;
            foreach (var (nameLv, nameEn) in ForumGroupDefaults.All)
            {
                ev.Groups.Add(new ForumGroup { Position = ++position, NameLv = nameLv, NameEn = nameEn });
            }

            // 52 sign-ups, four did not come; neighbouring forums share four people.
            for (var i = 0; i < 52; i++)
            {
                var person = f.FirstPerson + i;
                var type = person % 15 == 7 ? ParticipantType.MunicipalityStaff : person % 8 == 3 ? ParticipantType.NgoRepresentative : ParticipantType.Resident;
                db.EventRegistrations.Add(await Registration(ev, person, Place(f.Places[person % f.Places.Length]), type, attended: i % 13 != 12,
                    type == ParticipantType.NgoRepresentative && communities.Count > 0 ? communities[person % communities.Count].Id : null));
            }

            ev.HeadCount = 48;
            db.Events.Add(ev);
            forums.Add((f, ev));
            people = Math.Max(people, f.FirstPerson + 52);
        }

        // The Dižkūre: two days for leaders and NGO people, with three from the municipality.
        var retreatStart = RigaTime.FromRiga(new DateOnly(2021, 8, 20).ToDateTime(new TimeOnly(10, 0)));
        var retreat = new Event
        {
            Slug = "dizkure-2021",
            Title = "Dižkūre 2021",
            Kind = EventKind.Retreat,
            Audience = EventAudience.LeadersOnly,
            Description = "Divu dienu retrīts kopienu līderiem: pieredze, iedvesma un sadarbība.",
            StartsAt = retreatStart,
            EndsAt = retreatStart.AddHours(32),
            Venue = "Viesu nams Baldones pagastā",
            TerritoryId = Place("Baldones pagasts"),
            Capacity = 30,
            Status = EventStatus.Completed,
            OrganisingPartnerships = Partnerships.PierigasPartneriba | Partnerships.PartneribaDaugavkrasts,
            CreatedAt = retreatStart.AddDays(-60),
            UpdatedAt = retreatStart.AddDays(2),
        };
        db.Events.Add(retreat);

        // The study trip: NGO people and municipality staff together, organised by two communities.
        var tripStart = RigaTime.FromRiga(new DateOnly(2021, 10, 16).ToDateTime(new TimeOnly(8, 0)));
        var trip = new Event
        {
            Slug = "pieredzes-apmainas-brauciens-2021",
            Title = "Pieredzes apmaiņas brauciens uz Vidzemi 2021",
            Kind = EventKind.StudyTrip,
            Description = "NVO un pašvaldību darbinieku kopīgs brauciens pie Vidzemes kopienām.",
            StartsAt = tripStart,
            EndsAt = tripStart.AddHours(12),
            Venue = "Izbraukšana no Mārupes novada domes",
            TerritoryId = Place("Mārupe"),
            Capacity = 40,
            NgoQuota = 25,
            MunicipalityQuota = 15,
            ThemeId = themes.GetValueOrDefault("neighbourhood")?.Id,
            Status = EventStatus.Completed,
            OrganisingPartnerships = Partnerships.PierigasPartneriba | Partnerships.PartneribaDaugavkrasts,
            CreatedAt = tripStart.AddDays(-60),
            UpdatedAt = tripStart.AddDays(2),
        };
        foreach (var c in communities.Take(2))
        {
            trip.Communities.Add(c);
        }

        db.Events.Add(trip);

        foreach (var leader in leaders.DistinctBy(l => l.UserId))
        {
            foreach (var ev in new[] { retreat, trip })
            {
                db.EventRegistrations.Add(new EventRegistration
                {
                    Event = ev,
                    UserId = leader.UserId,
                    Name = leader.DisplayName,
                    Email = leader.Email!,
                    PersonHash = await hasher.HashAsync(leader.Email!, ct),
                    ParticipantType = ParticipantType.NgoRepresentative,
                    TerritoryId = Place("Olaine"),
                    CommunityId = leader.CommunityId,
                    Status = RegistrationStatus.Confirmed,
                    QuotaApproved = true,
                    ManageTokenHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                    EmailConfirmedAt = ev.StartsAt.AddDays(-20),
                    CreatedAt = ev.StartsAt.AddDays(-20),
                    CheckedInAt = ev.StartsAt.AddMinutes(5),
                });
            }
        }

        string[] homes = ["Baldone", "Ķekava", "Mārupe", "Olaine", "Baloži", "Piņķi", "Jaunolaine", "Baldones pagasts"];
        for (var i = 0; i < 20; i++)
        {
            var person = people + i;
            var type = i < 3 ? ParticipantType.MunicipalityStaff : ParticipantType.NgoRepresentative;
            db.EventRegistrations.Add(await Registration(retreat, person, Place(homes[i % homes.Length]), type, attended: i != 19,
                type == ParticipantType.NgoRepresentative && communities.Count > 0 ? communities[i % communities.Count].Id : null));
        }

        for (var i = 0; i < 30; i++)
        {
            // Half the trip's NGO people were at the Dižkūre too; ten municipality employees.
            var person = people + 10 + i;
            var type = i >= 20 ? ParticipantType.MunicipalityStaff : ParticipantType.NgoRepresentative;
            db.EventRegistrations.Add(await Registration(trip, person, Place(homes[(i + 3) % homes.Length]), type, attended: i % 12 != 11,
                type == ParticipantType.NgoRepresentative && communities.Count > 0 ? communities[(i + 5) % communities.Count].Id : null));
        }

        await db.SaveChangesAsync(ct);

        // Ideas: about 53 a forum, through its five groups, each about one of the forum's places.
        var answer = 0;
        var number = 0;
        foreach (var (f, ev) in forums)
        {
            var groups = ev.Groups.OrderBy(g => g.Position).ToList();
            for (var i = 0; i < 53; i++)
            {
                var g = i % GroupIdeas.Length;
                var (title, body, theme) = GroupIdeas[g][i / GroupIdeas.Length % GroupIdeas[g].Length];
                var place = f.Places[(i + g) % f.Places.Length];
                var to = (i % 5) switch { 0 or 2 or 4 => IdeaAddressee.Municipality, 1 => IdeaAddressee.Ngos, _ => IdeaAddressee.Residents };
                var created = ev.StartsAt.AddHours(2).AddMinutes(i);
                number++;
                var idea = new Idea
                {
                    Title = $"{title} ({place})",
                    Body = body,
                    Kind = i % 3 == 1 ? IdeaKind.Need : IdeaKind.Idea,
                    ThemeId = themes.GetValueOrDefault(theme)?.Id,
                    TerritoryId = Place(place),
                    EventId = ev.Id,
                    ForumGroupId = groups[g].Id,
                    Source = IdeaSource.Forum,
                    AddressedTo = to,
                    AuthorName = $"{groups[g].NameLv}: foruma dalībnieki",
                    AuthorEmail = $"idejas-2021-{number}@kaimini.test",
                    Culture = "lv",
                    Status = IdeaStatus.Published,
                    CreatedAt = created,
                    PublishedAt = created,
                    UpdatedAt = created,
                    SearchDocument = Idea.SearchDocumentFor($"{title} ({place})", body),
                };
                idea.History.Add(new IdeaHistoryEntry { At = created, Kind = IdeaHistoryKind.Submitted });
                idea.History.Add(new IdeaHistoryEntry { At = created, Kind = IdeaHistoryKind.Published });
                if (to == IdeaAddressee.Municipality && Answers[answer++ % Answers.Length] is { Response: { } response } a)
                {
                    var at = created.AddDays(a.Days);
                    idea.Response = response;
                    idea.UpdatedAt = at;
                    idea.History.Add(new IdeaHistoryEntry
                    {
                        At = at,
                        Kind = IdeaHistoryKind.Answered,
                        Response = response,
                        Text = a.Reply,
                        ActorId = staff?.Id,
                        ActorName = staff?.DisplayName ?? "Pašvaldība",
                    });
                    if (response == IdeaResponse.Done)
                    {
                        // As the answer form does: "done" is carried out by the municipality that day.
                        var day = DateOnly.FromDateTime(at.ToRiga().DateTime);
                        idea.MarkImplemented(day, IdeaImplementer.Municipality, null);
                        idea.History.Add(new IdeaHistoryEntry
                        {
                            At = at,
                            Kind = IdeaHistoryKind.Implemented,
                            ImplementedOn = day,
                            ImplementedBy = IdeaImplementer.Municipality,
                            ActorId = staff?.Id,
                            ActorName = staff?.DisplayName ?? "Pašvaldība",
                        });
                    }
                }

                db.Ideas.Add(idea);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
