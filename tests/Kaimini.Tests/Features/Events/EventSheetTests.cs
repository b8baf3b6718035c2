using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Events;

/// <summary>The printable sheet of one event for its organisers: what, when, where, the agenda,
/// exact counts by participant type and home, and the sign-in list. Who may open it is in
/// <see cref="Authorization.ResourceAuthorizationTests"/> with the other organiser pages.</summary>
public class EventSheetTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task The_sheet_shows_the_agenda_exact_counts_and_a_sign_in_list_of_confirmed_participants()
    {
        var title = $"Ideju skrejceļš {Guid.NewGuid():N}"[..24];
        var ev = await TestEvents.CreateAsync(app, title, capacity: 20, startsAt: app.Clock.GetUtcNow().AddDays(-3), configure: e =>
        {
            e.Agenda.Add(new AgendaItem { Position = 1, Time = "10.00–10.30", Title = "Ievads" });
            e.Agenda.Add(new AgendaItem { Position = 2, Time = "10.30–12.00", Title = "Darbs grupās" });
        });
        var places = await app.WithDbAsync(db => db.Territories.Where(t => t.Slug == "olaine" || t.Slug == "kekava").ToDictionaryAsync(t => t.Slug, t => t.Id));
        await app.WithDbAsync(db =>
        {
            void Add(string name, ParticipantType type, string home, bool came, RegistrationStatus status = RegistrationStatus.Confirmed) =>
                db.EventRegistrations.Add(new EventRegistration
                {
                    EventId = ev.Id,
                    Name = name,
                    Email = TestUsers.UniqueEmail("sheet"),
                    PersonHash = TestUsers.PersonHash(name),
                    ParticipantType = type,
                    TerritoryId = places[home],
                    Status = status,
                    ManageTokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                    CreatedAt = ev.StartsAt.AddDays(-5),
                    CheckedInAt = came ? ev.StartsAt : null,
                });
            Add("Zane Ābele", ParticipantType.Resident, "olaine", came: true);
            Add("Čaks Bērziņš", ParticipantType.Resident, "kekava", came: false);
            Add("Anna Kalniņa", ParticipantType.NgoRepresentative, "olaine", came: true);
            Add("Gaida Rinda", ParticipantType.Resident, "olaine", came: false, RegistrationStatus.Waitlisted);
            Add("Atteicās Viens", ParticipantType.MunicipalityStaff, "olaine", came: false, RegistrationStatus.Cancelled);
            return db.SaveChangesAsync();
        });
        var (client, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _c = client;

        var tools = await client.GetAsync($"/admin/events/{ev.Slug}/edit");
        Assert.NotNull(tools.QuerySelector($"a[href='/admin/events/{ev.Slug}/sheet']"));
        var page = await client.GetAsync($"/admin/events/{ev.Slug}/sheet");

        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Contains("Olaines kultūras nams", page.QuerySelector("[data-sheet=venue]")!.TextContent);
        Assert.Contains(ev.StartsAt.ToRiga().ToString("dd.MM.yyyy"), page.QuerySelector("[data-sheet=when]")!.TextContent);
        Assert.Contains("Darbs grupās", page.QuerySelector("#sheet-agenda")!.ParentElement!.TextContent);

        List<string[]> Rows(string table) => page.QuerySelectorAll($"table[data-sheet-table={table}] tbody tr, table[data-sheet-table={table}] tfoot tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        // Confirmed only (the waiting and the cancelled are not on the sheet); exact, however small.
        Assert.Equal([["iedzīvotājs", "2", "1"], ["NVO vai kopienas pārstāvis", "1", "1"], ["pašvaldības darbinieks", "0", "0"], ["cits", "0", "0"], ["Kopā", "3", "2"]], Rows("sheet-by-type"));
        Assert.Equal([["Ķekava", "1", "0"], ["Olaine", "2", "2"], ["Kopā", "3", "2"]], Rows("sheet-by-home"));
        Assert.Equal("Bez pieteikuma neatnāca neviens.", page.QuerySelector("[data-sheet=walk-ins]")!.TextContent.Trim());
        var signIn = Rows("sign-in");
        Assert.Equal(3 + 5, signIn.Count);
        Assert.Equal(["1", "Anna Kalniņa", "NVO vai kopienas pārstāvis", "Olaine", ""], signIn[0]);
        Assert.Equal(["Anna Kalniņa", "Čaks Bērziņš", "Zane Ābele"], signIn.Take(3).Select(r => r[1]));
        Assert.Equal(["8", "", "", "", ""], signIn[7]);
    }

    [Fact]
    public async Task An_unknown_event_has_no_sheet()
    {
        var (client, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _c = client;

        using var response = await client.Http.GetAsync("/admin/events/no-such-event/sheet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
