using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Privacy;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Reports;

/// <summary>The portal on a database of its own holding only the small, fixed data set below, so
/// that every figure, the whole network's too, can be counted by hand. Days are relative to the
/// test clock's today; the report period is the 90 days up to yesterday (days −90…−1), the previous
/// period the 90 days before it (−180…−91).
/// <code>
/// Communities: A (association, Olaine, published day −150), B (foundation, Olaine, −20), C (informal, Ķekava, −20),
///     D (informal, Olaine, −500: active only through an idea it carried out)
/// E0 forum, Olaine, day −200:        p1, p2 attended (residents, home Olaine)
/// E3 community event, Olaine, −120:  p1 attended (written " P1@Reports.test ", and anonymised since:
///     only the people hash is left); p10 attended (NGO representative of A)
/// E1 forum, Olaine, −10, 10 places, theme "civic", co-organised by A and B:
///     p1, p3, p12, p13 (residents), p4 (NGO representative of A), p6 (municipality staff), p15 ("other") attended;
///     p5 confirmed, did not come; p7 waiting (not counted);
///     walk-ins w1 (resident) and w2 ("other"), home Olaine
/// E2 Dižkūre, Olaine, −12, 32 hours (2 days): p4 (NGO of A), p8 (leader of B), p9 (resident, home Ķekava) attended
/// E5 forum, Ķekava, −8, co-organised by C and A: p11 attended (resident, home Olaine)
/// E4 forum, Olaine, −5, cancelled: p14 attended (never counted)
/// Ideas (Olaine unless said; source "forum" when given to a group of E1, else "portal"):
///     I1 −20 municipality, forum E1 group 1, education, answered Accepted 5 days later;
///     I2 −80 municipality, safety, answered Done 50 days later and so implemented by the municipality on day −30;
///     I3 −60 municipality, unanswered;
///     I4 −10 residents, forum E1 group 2, youth, implemented by community D on day −3;
///     I5 Ķekava −10 municipality; I6 −10 hidden (never counted);
///     I7 −40 municipality, answered InPlan 10 days later; I8 −50 municipality, answered Forwarded 20 days later;
///     I9 −120 residents, implemented by residents on day −45 (collected in the previous period, implemented in this one);
///     I10 E1's day (−10) residents, written on paper at E1 (group 1), entered by an organiser, no address
/// Current period, Olaines novads: collected 7 (forum 3, portal 4) → to the municipality 5 → answered 4 (median 15 days,
///     3 within 30) → accepted or planned 3 (I1, I2, I7) → implemented 1 (I2); implemented in the period 3: the
///     municipality (I2), a community (I4), residents (I9); answers: Accepted, Done, InPlan, Forwarded one each
/// Supports on day −5: I1 by u1 and u2, I4 by u1
/// Leader profile of p8 (Olaine), consent given on day −20
/// Population (source "CSP"), Y = the year of day −1: in Y−1 Olaine 4,000 and Olaines pagasts 1,500 (Olaines
///     novads 5,500); in Y Olaine 4,400 only (so Olaines novads uses Y−1, the town Y); none for Ķekavas novads
/// Everyone lives in Olaine (the town) unless said.
/// </code></summary>
public sealed class ReportsApp : KaiminiApp
{
    public DateOnly Today { get; private set; }
    public string CommunityA { get; private set; } = "";
    public string CommunityB { get; private set; } = "";

    /// <summary>The day of each event held (not cancelled) and the novads of its venue.</summary>
    public List<(DateOnly Day, string Novads)> Held { get; } = [];

    public DateOnly Day(int offset) => Today.AddDays(offset);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Today = TestDates.DaysAhead(Clock, 0);
        await WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var places = await db.Territories.Where(t => t.Slug == "olaine" || t.Slug == "kekava").ToDictionaryAsync(t => t.Slug);
            var themes = await db.Themes.ToDictionaryAsync(t => t.Slug);
            var now = Clock.GetUtcNow();
            DateTimeOffset At(int offset, int hour = 10) => TestDates.AtRiga(Day(offset), hour);

            Community NewCommunity(string name, LegalForm form, string place, int publishedOn)
            {
                var c = new Community
                {
                    Slug = Slug.From(name) + "-" + Guid.NewGuid().ToString("N")[..6],
                    Name = name,
                    LegalForm = form,
                    ShortDescription = name,
                    Status = CommunityStatus.Published,
                    CreatedAt = At(publishedOn - 1),
                    UpdatedAt = At(publishedOn),
                    PublishedAt = At(publishedOn),
                };
                c.PlaceIn(places[place]);
                db.Communities.Add(c);
                return c;
            }

            var a = NewCommunity("Olaines dārzkopju biedrība", LegalForm.Association, "olaine", -150);
            var b = NewCommunity("Olaines jauniešu fonds", LegalForm.Foundation, "olaine", -20);
            var c = NewCommunity("Ķekavas kaimiņi", LegalForm.InformalGroup, "kekava", -20);
            var d = NewCommunity("Olaines mazdārziņu kopa", LegalForm.InformalGroup, "olaine", -500);
            CommunityA = a.Name;
            CommunityB = b.Name;

            var leader = new AppUser { UserName = "p8@reports.test", Email = "p8@reports.test", DisplayName = "Līdere", CreatedAt = now };
            db.Users.Add(leader);
            var u1 = new AppUser { UserName = "u1@reports.test", Email = "u1@reports.test", DisplayName = "U1", CreatedAt = now };
            var u2 = new AppUser { UserName = "u2@reports.test", Email = "u2@reports.test", DisplayName = "U2", CreatedAt = now };
            db.Users.AddRange(u1, u2);
            await db.SaveChangesAsync();
            db.CommunityMemberships.Add(new CommunityMembership { CommunityId = b.Id, UserId = leader.Id, IsLeader = true, Role = MembershipRole.Chair, CreatedAt = now });
            var profile = new LeaderProfile { UserId = leader.Id, TerritoryId = places["olaine"].Id, UpdatedAt = now };
            profile.SetConsent(true, At(-20));
            db.LeaderProfiles.Add(profile);

            Event NewEvent(string title, EventKind kind, string place, int day, int hours = 3, int? capacity = null, EventStatus status = EventStatus.Published)
            {
                var e = new Event
                {
                    Slug = Slug.From(title) + "-" + Guid.NewGuid().ToString("N")[..6],
                    Title = title,
                    Kind = kind,
                    StartsAt = At(day),
                    EndsAt = At(day).AddHours(hours),
                    Venue = "Zāle",
                    TerritoryId = places[place].Id,
                    Capacity = capacity,
                    Status = status,
                    CreatedAt = At(day - 30),
                    UpdatedAt = At(day - 30),
                };
                db.Events.Add(e);
                if (status != EventStatus.Cancelled)
                {
                    Held.Add((Day(day), place == "olaine" ? "olaines-novads" : "kekavas-novads"));
                }

                return e;
            }

            var e0 = NewEvent("Forums E0", EventKind.Forum, "olaine", -200);
            var e3 = NewEvent("Talka E3", EventKind.CommunityEvent, "olaine", -120);
            var e1 = NewEvent("Forums E1", EventKind.Forum, "olaine", -10, capacity: 10);
            e1.ThemeId = themes["civic"].Id;
            e1.Communities.Add(a);
            e1.Communities.Add(b);
            e1.Groups.Add(new ForumGroup { Position = 1, NameLv = "Kultūra un izglītība", NameEn = "Culture and education" });
            e1.Groups.Add(new ForumGroup { Position = 2, NameLv = "Sports, atpūta, iespējas jauniešiem", NameEn = "Sport, leisure, opportunities for young people" });
            var e2 = NewEvent("Dižkūre E2", EventKind.Retreat, "olaine", -12, hours: 32);
            var e5 = NewEvent("Forums E5", EventKind.Forum, "kekava", -8);
            e5.Communities.Add(c);
            e5.Communities.Add(a);
            var e4 = NewEvent("Forums E4", EventKind.Forum, "olaine", -5, status: EventStatus.Cancelled);
            await db.SaveChangesAsync();

            var hasher = s.GetRequiredService<PersonHasher>();
            async Task<EventRegistration> Register(Event e, string person, ParticipantType type = ParticipantType.Resident, string home = "olaine",
                bool attended = true, RegistrationStatus status = RegistrationStatus.Confirmed, Community? community = null, string? userId = null)
            {
                // Mixed case and spaces: the people hash is of the normalised address.
                var email = person == "p1" && e == e3 ? " P1@Reports.test " : $"{person}@reports.test";
                var registration = new EventRegistration
                {
                    Id = Guid.CreateVersion7(),
                    EventId = e.Id,
                    Name = person,
                    Email = email,
                    PersonHash = await hasher.HashAsync(email, CancellationToken.None),
                    ParticipantType = type,
                    TerritoryId = places[home].Id,
                    CommunityId = community?.Id,
                    UserId = userId,
                    Status = status,
                    ManageTokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                    CreatedAt = e.StartsAt.AddDays(-7),
                    CheckedInAt = attended ? e.StartsAt : null,
                };
                db.EventRegistrations.Add(registration);
                return registration;
            }

            await Register(e0, "p1");
            await Register(e0, "p2");
            (await Register(e3, "p1")).Anonymise(At(-100));
            await Register(e3, "p10", ParticipantType.NgoRepresentative, community: a);
            foreach (var p in new[] { "p1", "p3", "p12", "p13" })
            {
                await Register(e1, p);
            }

            await Register(e1, "p4", ParticipantType.NgoRepresentative, community: a);
            await Register(e1, "p6", ParticipantType.MunicipalityStaff);
            await Register(e1, "p15", ParticipantType.Other);
            await Register(e1, "p5", attended: false);
            await Register(e1, "p7", attended: false, status: RegistrationStatus.Waitlisted);
            db.EventRegistrations.Add(EventRegistration.NewWalkIn(e1.Id, ParticipantType.Resident, places["olaine"].Id, "w1", e1.StartsAt.AddMinutes(15)));
            db.EventRegistrations.Add(EventRegistration.NewWalkIn(e1.Id, ParticipantType.Other, places["olaine"].Id, null, e1.StartsAt.AddMinutes(20)));
            await Register(e2, "p4", ParticipantType.NgoRepresentative, community: a);
            await Register(e2, "p8", ParticipantType.NgoRepresentative, community: b, userId: leader.Id);
            await Register(e2, "p9", home: "kekava");
            await Register(e5, "p11");
            await Register(e4, "p14");

            var year = Day(-1).Year;
            var olainesPagasts = await db.Territories.Where(t => t.Slug == "olaines-pagasts").Select(t => t.Id).SingleAsync();
            foreach (var (territory, y, population) in new[] { (places["olaine"].Id, year - 1, 4000), (olainesPagasts, year - 1, 1500), (places["olaine"].Id, year, 4400) })
            {
                db.PopulationFigures.Add(new PopulationFigure { TerritoryId = territory, Year = y, Population = population, Source = "CSP", ImportedAt = now });
            }

            Idea NewIdea(string title, int day, IdeaAddressee to, string place = "olaine", string? theme = null, ForumGroup? group = null,
                IdeaStatus status = IdeaStatus.Published, IdeaResponse response = IdeaResponse.None, int? answeredAfterDays = null,
                (int Day, IdeaImplementer By, Community? Community)? implemented = null, bool paper = false)
            {
                var idea = new Idea
                {
                    Title = title,
                    Body = title,
                    TerritoryId = places[place].Id,
                    ThemeId = theme is null ? null : themes[theme].Id,
                    AddressedTo = to,
                    AuthorName = "Autors",
                    AuthorEmail = paper ? null : "autors@reports.test",
                    Source = group is null ? IdeaSource.Portal : IdeaSource.Forum,
                    Status = status,
                    EventId = group is null ? null : e1.Id,
                    ForumGroupId = group?.Id,
                    Response = response,
                    CreatedAt = At(day),
                    PublishedAt = At(day),
                    UpdatedAt = At(day),
                };
                idea.History.Add(new IdeaHistoryEntry { At = At(day), Kind = IdeaHistoryKind.Submitted });
                if (answeredAfterDays is { } after)
                {
                    idea.History.Add(new IdeaHistoryEntry { At = At(day).AddDays(after), Kind = IdeaHistoryKind.Answered, Response = response });
                }

                if (paper)
                {
                    idea.History.Add(new IdeaHistoryEntry { At = At(day).AddDays(2), Kind = IdeaHistoryKind.Entered, ActorName = "Organizatore" });
                }

                if (implemented is { } done)
                {
                    idea.MarkImplemented(Day(done.Day), done.By, done.Community?.Id);
                    idea.History.Add(new IdeaHistoryEntry
                    {
                        At = At(done.Day),
                        Kind = IdeaHistoryKind.Implemented,
                        ImplementedOn = Day(done.Day),
                        ImplementedBy = done.By,
                        ImplementedByName = done.Community?.Name,
                    });
                }

                db.Ideas.Add(idea);
                return idea;
            }

            var groups = e1.Groups.OrderBy(g => g.Position).ToList();
            var i1 = NewIdea("I1", -20, IdeaAddressee.Municipality, theme: "education", group: groups[0], response: IdeaResponse.Accepted, answeredAfterDays: 5);
            NewIdea("I2", -80, IdeaAddressee.Municipality, theme: "safety", response: IdeaResponse.Done, answeredAfterDays: 50,
                implemented: (-30, IdeaImplementer.Municipality, null));
            NewIdea("I3", -60, IdeaAddressee.Municipality);
            var i4 = NewIdea("I4", -10, IdeaAddressee.Residents, theme: "youth", group: groups[1], implemented: (-3, IdeaImplementer.Community, d));
            NewIdea("I5", -10, IdeaAddressee.Municipality, place: "kekava");
            NewIdea("I6", -10, IdeaAddressee.Municipality, status: IdeaStatus.Hidden);
            NewIdea("I7", -40, IdeaAddressee.Municipality, response: IdeaResponse.InPlan, answeredAfterDays: 10);
            NewIdea("I8", -50, IdeaAddressee.Municipality, response: IdeaResponse.Forwarded, answeredAfterDays: 20);
            NewIdea("I9", -120, IdeaAddressee.Residents, implemented: (-45, IdeaImplementer.Residents, null));
            NewIdea("I10", -10, IdeaAddressee.Residents, group: groups[0], paper: true);
            await db.SaveChangesAsync();
            db.IdeaSupports.AddRange(
                new IdeaSupport { IdeaId = i1.Id, UserId = u1.Id, CreatedAt = At(-5) },
                new IdeaSupport { IdeaId = i1.Id, UserId = u2.Id, CreatedAt = At(-5) },
                new IdeaSupport { IdeaId = i4.Id, UserId = u1.Id, CreatedAt = At(-5) });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>The report's query string for the period −90…−1.</summary>
    public string Range(string? more = null) => $"?period=range&from={Day(-90):yyyy-MM-dd}&to={Day(-1):yyyy-MM-dd}" + (more is null ? "" : "&" + more);
}
