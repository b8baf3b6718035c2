using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data.Seed;

/// <summary>Invented ideas and needs for ./kaimini run, spread over the thematic groups of the demo
/// forums, some answered by the municipality (every answer status), some carried out (by the
/// municipality, a community, residents), two written on paper at the past forum and entered by the
/// demo organiser, some supported by demo accounts. Every name and address here is made up. Added
/// once: nothing happens when any idea exists.</summary>
public static class DemoIdeas
{
    /// <summary>Carried out <paramref name="DaysAfter"/> days after it was submitted (or answered
    /// "done"), by <paramref name="By"/>; a community is named by its demo name.</summary>
    private sealed record Done(IdeaImplementer By, int DaysAfter, string? Community = null, string? Note = null);

    private sealed record Demo(string Title, string Body, IdeaKind Kind, string Place, string? Theme, IdeaAddressee To, int Group,
        int Supporters, IdeaResponse Response = IdeaResponse.None, string? Reply = null, string Author = "Pēteris Iedzīvotājs", int DaysAgo = 20,
        Done? Implemented = null, bool Paper = false);

    private static readonly Demo[] All =
    [
        new("Vasaras kino vakari Olaines parkā", "Reizi mēnesī vasarā parkā varētu rādīt latviešu filmas uz liela ekrāna. Kopiena var palīdzēt ar krēsliem un tehniku.",
            IdeaKind.Idea, "Olaine", "culture", IdeaAddressee.Ngos, 1, 5, Author: "Ilze Ozola", DaysAgo: 40,
            Implemented: new(IdeaImplementer.Community, 30, "Olaines kultūras biedrība „Stīga”", "Pirmais kino vakars notika parka estrādē; nākamie — katra mēneša pirmajā piektdienā.")),
        new("Bērnu bibliotēkas darba laiks sestdienās", "Strādājošiem vecākiem darba dienās nav iespējas aizvest bērnus uz bibliotēku. Vajadzētu atvērt arī sestdienas rītos.",
            IdeaKind.Need, "Olaine", "education", IdeaAddressee.Municipality, 1, 7, IdeaResponse.Accepted,
            "Paldies! No septembra bērnu nodaļa būs atvērta sestdienās no 10.00 līdz 14.00.", "Kristīne Lapiņa", 60),
        new("Senioru datorprasmju kursi Jaunolainē", "Daudzi seniori nemāk lietot internetbanku un e-veselību. Brīvprātīgie jaunieši varētu vadīt nodarbības kultūras namā.",
            IdeaKind.Idea, "Jaunolaine", "seniors", IdeaAddressee.Residents, 1, 3, Author: "Mārtiņš Kalniņš", DaysAgo: 35),
        new("Gājēju celiņš no Jaunolaines līdz stacijai", "Gar ceļu uz staciju nav ietves, un bērni iet pa brauktuvi. Vajadzīgs apgaismots gājēju un velosipēdu celiņš.",
            IdeaKind.Need, "Jaunolaine", "safety", IdeaAddressee.Municipality, 2, 9, IdeaResponse.InProgress,
            "Projekts ir izstrādāts; būvdarbi sāksies nākamā gada pavasarī.", DaysAgo: 90),
        new("Šķirošanas konteineri daudzdzīvokļu māju pagalmos", "Pie daudzām mājām ir tikai sadzīves atkritumu konteineri. Papīra un plastmasas konteineri mudinātu šķirot.",
            IdeaKind.Need, "Olaine", "environment", IdeaAddressee.Municipality, 2, 4, IdeaResponse.Forwarded,
            "Konteineru izvietojumu pagalmos nosaka namu apsaimniekotājs; ideju esam pārsūtījuši tam ar lūgumu atbildēt iedzīvotājiem.", "Andris Bērziņš", 25),
        new("Ielu apgaismojums Grēnēs", "Ciema galvenajā ielā naktīs ir pilnīgi tumšs. Vajadzētu vismaz dažus lukturus pie autobusa pieturas.",
            IdeaKind.Need, "Grēnes", "safety", IdeaAddressee.Municipality, 2, 6, IdeaResponse.Done,
            "Pieturas tuvumā uzstādīti četri LED lukturi.", "Grēnes ciema iedzīvotāji", 120),
        new("Vietējo ražotāju tirdziņš katru sestdienu", "Olainē trūkst vietas, kur pirkt vietējo maizi, medu un dārzeņus. Tirdziņu varētu rīkot pie kultūras nama.",
            IdeaKind.Idea, "Olaine", "enterprise", IdeaAddressee.Ngos, 3, 4, Author: "Stūnīšu mājražotāji", DaysAgo: 15),
        new("Amatu darbnīca jauniešiem", "Kokapstrādes un keramikas darbnīca, kur jaunieši var mācīties no vietējiem amatniekiem un pārdot savus darbus.",
            IdeaKind.Idea, "Skulte", "enterprise", IdeaAddressee.Ngos, 3, 2, Author: "Skultes amatnieku kopa", DaysAgo: 12),
        new("Tūrisma taka gar Misas upi", "Marķēta taka ar informācijas stendiem par upes dabu un vēsturi piesaistītu arī ciemiņus.",
            IdeaKind.Idea, "Olaines pagasts", "heritage", IdeaAddressee.Municipality, 3, 5, IdeaResponse.Declined,
            "Šobrīd zeme gar upi ir privātīpašumā; taku varēsim izvērtēt, ja īpašnieki piekritīs.", DaysAgo: 75),
        new("Skeitparks pie Jaunmārupes skolas", "Jauniešiem nav kur brīvajā laikā droši braukt ar skrituļdēļiem un skrejriteņiem.",
            IdeaKind.Need, "Jaunmārupe", "youth", IdeaAddressee.Municipality, 4, 10, IdeaResponse.InPlan,
            "Skeitparks iekļauts nākamā gada investīciju plānā.", "Mārupes jauniešu iniciatīvu centrs", 50),
        new("Āra trenažieri Piņķu parkā", "Pieaugušajiem un senioriem parkā varētu uzstādīt vienkāršus āra trenažierus.",
            IdeaKind.Idea, "Piņķi", "sport", IdeaAddressee.Municipality, 4, 3, DaysAgo: 8),
        new("Nakts basketbols vasarā", "Piektdienu vakaros skolas laukumā jaunieši varētu spēlēt basketbolu treneru uzraudzībā.",
            IdeaKind.Idea, "Mārupe", "youth", IdeaAddressee.Ngos, 4, 4, Author: "Līva Kārkliņa", DaysAgo: 18),
        new("Kaimiņu talka Babītes ezera krastā", "Pavasarī kopīgi satīrīt ezera krastu un izveidot vietu putnu vērošanai.",
            IdeaKind.Idea, "Babītes pagasts", "waterfronts", IdeaAddressee.Residents, 5, 6, Author: "Babītes ezera draugi", DaysAgo: 30,
            Implemented: new(IdeaImplementer.Community, 12, "Babītes ezera draugi", "Talkā piedalījās 40 kaimiņu; uzcelts putnu vērošanas tornītis.")),
        new("Kopienas telpa Spilvē", "Ciemā nav vietas, kur satikties: vajadzīga telpa jauno ģimeņu rītiem un kaimiņu sapulcēm.",
            IdeaKind.Need, "Spilve", "neighbourhood", IdeaAddressee.Municipality, 5, 8, IdeaResponse.UnderReview,
            "Meklējam piemērotu telpu pašvaldības ēkās Babītes pagastā.", "Spilves jauno ģimeņu klubs", 45),
        new("Jaunmārupes kaimiņu svētki", "Reizi gadā visas ielas kopīgi svētki ar garšīgu galdu, spēlēm un vietējiem mūziķiem.",
            IdeaKind.Idea, "Jaunmārupe", "neighbourhood", IdeaAddressee.Residents, 5, 2, DaysAgo: 5),
        new("Baložu vēstures pastaigas", "Vietējie pētnieki varētu vadīt pastaigas par Baložu kūdras ieguves un pilsētas vēsturi.",
            IdeaKind.Idea, "Baloži", "heritage", IdeaAddressee.Ngos, 1, 3, Author: "Sarmīte Ozoliņa", DaysAgo: 22),
        new("Mūzikas skolas filiāle Baldonē", "Baldones bērniem uz mūzikas nodarbībām jābrauc uz Ķekavu vai Rīgu. Vajadzīga filiāle uz vietas.",
            IdeaKind.Need, "Baldone", "education", IdeaAddressee.Municipality, 1, 7, IdeaResponse.InProgress,
            "No nākamā mācību gada Baldones skolā notiks klavierspēles un kora nodarbības.", "Baldones mūžizglītības centrs", 100),
        new("Drošāka gājēju pāreja pie Ķekavas skolas", "Rītos pie skolas ir liela satiksme; vajadzīgs gājēju pārejas apgaismojums un ātruma vaļņi.",
            IdeaKind.Need, "Ķekava", "safety", IdeaAddressee.Municipality, 2, 11, IdeaResponse.Done,
            "Uzstādīts apgaismojums un divi ātruma vaļņi.", "Roberts Liepkalns", 150),
        new("Laivu piestātne Daugmalē", "Daugavas krastā trūkst vietas, kur droši ielaist laivu un piestāt ar kanoe.",
            IdeaKind.Need, "Daugmales pagasts", "waterfronts", IdeaAddressee.Municipality, 2, 4, IdeaResponse.Declined,
            "Piestātnes būvniecībai vajadzīga krasta nostiprināšana, kurai šogad nav finansējuma. Atgriezīsimies pie jautājuma nākamgad.", "Daugmales krasta draugi", 80),
        new("Koku stādīšana jaunajā ciematā Odukalnā", "Jaunajā ciematā ielās nav neviena koka. Iedzīvotāji paši var stādīt, ja pašvaldība ierāda vietas.",
            IdeaKind.Idea, "Odukalns", "new-developments", IdeaAddressee.Residents, 2, 5, Author: "Odukalna iedzīvotāju biedrība", DaysAgo: 28,
            Implemented: new(IdeaImplementer.Residents, 20, Note: "Iedzīvotāji iestādīja 30 liepas pašvaldības ierādītajās vietās.")),
        new("Baldones kūrorta tradīciju festivāls", "Festivāls ar veselības takām, dūņu vēsturi un vietējiem uzņēmējiem piesaistītu tūristus.",
            IdeaKind.Idea, "Baldone", "enterprise", IdeaAddressee.Ngos, 3, 6, Author: "Gatis Bērziņš", DaysAgo: 33),
        new("Mājražotāju kopīga tirdzniecības vieta internetā", "Viena vietne, kur Ķekavas novada mājražotāji var piedāvāt savus produktus.",
            IdeaKind.Idea, "Ķekavas pagasts", "enterprise", IdeaAddressee.Ngos, 3, 1, DaysAgo: 3),
        new("Slēpošanas trase Baldones pagastā", "Ziemā mežā varētu iespraust slēpošanas trasi ar vienkāršu apgaismojumu.",
            IdeaKind.Idea, "Baldones pagasts", "sport", IdeaAddressee.Municipality, 4, 6, DaysAgo: 14),
        new("Jauniešu centrs Baložos", "Pēc skolas jauniešiem nav kur pulcēties. Vajadzīga telpa ar galda spēlēm un darbnīcām.",
            IdeaKind.Need, "Baloži", "youth", IdeaAddressee.Municipality, 4, 8, IdeaResponse.UnderReview, null, "Ķekavas novada jauniešu dome", 20),
        new("Soliņi gar Olaines upes promenādi", "Gar promenādi nav kur apsēsties; senioriem vajadzīgi soliņi ik pēc simt metriem.",
            IdeaKind.Need, "Olaine", "seniors", IdeaAddressee.Municipality, 4, 3, IdeaResponse.UnderReview,
            "Izvērtējam vietas kopā ar parka pārvaldnieku.", Idea.UnnamedForumParticipant, Paper: true),
        new("Ziemas dziesmu vakars pie kultūras nama", "Katru decembri kopā dziedāt pie eglītes: kori, skolēni un kaimiņi.",
            IdeaKind.Idea, "Olaine", "culture", IdeaAddressee.Residents, 1, 2, Author: Idea.UnnamedForumParticipant, Paper: true),
        new("Ciemu iniciatīvu grupu tikšanās reizi ceturksnī", "Ciemu aktīvisti varētu regulāri satikties, dalīties pieredzē un kopā rakstīt projektus.",
            IdeaKind.Idea, "Ķekavas pagasts", "civic", IdeaAddressee.Ngos, 5, 4, Author: "Ķekavas pagasta kopienu tīkls", DaysAgo: 9),
    ];

    public static async Task SeedAsync(AppDbContext db, ReferenceData refData, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Ideas.AnyAsync(ct))
        {
            return;
        }

        var forums = await db.Events.AsNoTracking().Where(e => e.Kind == EventKind.Forum && e.Groups.Any())
            .OrderBy(e => e.StartsAt)
            .Select(e => new { e.Id, e.Title, e.TerritoryId, e.StartsAt, Groups = e.Groups.OrderBy(g => g.Position).Select(g => new { g.Id, g.Position, g.NameLv }).ToList() })
            .ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && u.Email.EndsWith("@kaimini.test") && u.Email != "pasvaldiba@kaimini.test")
            .OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var resident = accounts.FirstOrDefault(a => a.Email == "iedzivotajs@kaimini.test");
        var staff = await db.Users.AsNoTracking().Where(u => u.Email == "pasvaldiba@kaimini.test").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var organiser = await db.Users.AsNoTracking().Where(u => u.Email == "organisators@kaimini.test").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var communities = await db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Published)
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Name, ct);
        for (var n = 0; n < All.Length; n++)
        {
            var d = All[n];
            var territory = refData.Territories.First(t => t.Name == d.Place && t.Kind != TerritoryKind.FormerNovads);
            var novads = territory.NovadsId ?? territory.Id;
            // The forum held in the idea's novads, else none: ideas attach to territories only then.
            var forum = forums.FirstOrDefault(f => (refData.TerritoryById[f.TerritoryId].NovadsId ?? f.TerritoryId) == novads);
            var group = forum?.Groups.FirstOrDefault(g => g.Position == d.Group);
            // Paper ideas only from a forum already held, dated when it began.
            var paper = d.Paper && forum is not null && forum.StartsAt < now && organiser is not null;
            if (d.Paper && !paper)
            {
                continue;
            }

            var created = paper ? forum!.StartsAt : now.AddDays(-d.DaysAgo).AddHours(-n);
            var byResident = !paper && resident is not null && d.Author == "Pēteris Iedzīvotājs";
            var idea = new Idea
            {
                Title = d.Title,
                Body = d.Body,
                Kind = d.Kind,
                ThemeId = d.Theme is null ? null : refData.ThemeBySlug[d.Theme].Id,
                TerritoryId = territory.Id,
                EventId = forum?.Id,
                ForumGroupId = group?.Id,
                AddressedTo = d.To,
                AuthorId = byResident ? resident!.Id : null,
                AuthorName = d.Author,
                AuthorEmail = paper ? null : byResident ? resident!.Email! : $"idejas-autors{n + 1}@kaimini.test",
                Source = forum is null ? IdeaSource.Portal : IdeaSource.Forum,
                EnteredById = paper ? organiser!.Id : null,
                Culture = "lv",
                Status = IdeaStatus.Published,
                Response = d.Response,
                CreatedAt = created,
                PublishedAt = created,
                UpdatedAt = created,
                SearchDocument = Idea.SearchDocumentFor(d.Title, d.Body),
            };
            idea.History.Add(new IdeaHistoryEntry { At = created, Kind = IdeaHistoryKind.Submitted, ActorId = idea.AuthorId });
            if (paper)
            {
                var entered = created.AddDays(2) < now ? created.AddDays(2) : now;
                idea.PublishedAt = entered;
                idea.History.Add(new IdeaHistoryEntry
                {
                    At = entered,
                    Kind = IdeaHistoryKind.Entered,
                    ActorId = organiser!.Id,
                    ActorName = organiser.DisplayName,
                });
            }
            else
            {
                idea.History.Add(new IdeaHistoryEntry { At = created.AddMinutes(5), Kind = IdeaHistoryKind.Published, ActorId = idea.AuthorId });
            }

            if (d.Response != IdeaResponse.None)
            {
                var answered = created.AddDays(Math.Max(1, d.DaysAgo / 3));
                if (d.Response is not IdeaResponse.UnderReview)
                {
                    idea.History.Add(new IdeaHistoryEntry
                    {
                        At = answered.AddDays(-1),
                        Kind = IdeaHistoryKind.Answered,
                        Response = IdeaResponse.UnderReview,
                        ActorId = staff?.Id,
                        ActorName = staff?.DisplayName ?? "Pašvaldība"
                    });
                }

                idea.History.Add(new IdeaHistoryEntry
                {
                    At = answered,
                    Kind = IdeaHistoryKind.Answered,
                    Response = d.Response,
                    Text = d.Reply,
                    ActorId = staff?.Id,
                    ActorName = staff?.DisplayName ?? "Pašvaldība"
                });
                idea.UpdatedAt = answered;
                if (d.Response == IdeaResponse.Done)
                {
                    // As the answer form does: "done" is carried out by the municipality that day.
                    Implement(idea, IdeaImplementer.Municipality, null, answered, null, staff?.Id, staff?.DisplayName ?? "Pašvaldība");
                }
            }

            if (d.Implemented is { } done && (done.Community is null || communities.ContainsKey(done.Community)))
            {
                var on = created.AddDays(done.DaysAfter) < now ? created.AddDays(done.DaysAfter) : now;
                var community = done.Community is null ? null : communities[done.Community];
                var by = organiser ?? staff;
                Implement(idea, done.By, community is null ? null : (community.Id, community.Name), on, done.Note, by?.Id, by?.DisplayName ?? "Pašvaldība");
            }

            foreach (var supporter in accounts.Where(a => a.Id != idea.AuthorId).Skip(n % 3).Take(d.Supporters))
            {
                idea.Supports.Add(new IdeaSupport { UserId = supporter.Id, CreatedAt = created.AddDays(1) });
            }

            idea.SupportCount = idea.Supports.Count;
            db.Ideas.Add(idea);
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Implement(Idea idea, IdeaImplementer by, (int Id, string Name)? community, DateTimeOffset at, string? note, string? actorId, string actorName)
    {
        var day = DateOnly.FromDateTime(at.ToRiga().DateTime);
        idea.MarkImplemented(day, by, community?.Id);
        idea.History.Add(new IdeaHistoryEntry
        {
            At = at,
            Kind = IdeaHistoryKind.Implemented,
            ImplementedOn = day,
            ImplementedBy = by,
            ImplementedByName = community?.Name,
            Text = note,
            ActorId = actorId,
            ActorName = actorName,
        });
        idea.UpdatedAt = at > idea.UpdatedAt ? at : idea.UpdatedAt;
    }
}
