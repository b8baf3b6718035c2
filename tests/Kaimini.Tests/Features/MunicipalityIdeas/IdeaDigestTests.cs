using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.MunicipalityIdeas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.MunicipalityIdeas;

/// <summary>The daily e-mail to municipality staff about new ideas of their novads: through the outbox
/// and real SMTP, once a day, only when there is something new. Each test moves the portal's clock to
/// days of its own (far from the other tests') and runs the job as the worker would.</summary>
public class IdeaDigestTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task The_digest_goes_to_staff_of_the_ideas_novads_only_in_their_language_with_links_to_answer()
    {
        var day = TestDates.DaysAhead(app.Clock, 300);
        try
        {
            app.Clock.SetUtcNow(TestDates.AtRiga(day.AddDays(-1), 9));
            await RunAsync();
            app.Clock.SetUtcNow(TestDates.AtRiga(day.AddDays(-1), 14));
            var olaine = await TestIdeas.CreateAsync(app, Unique("Ietve uz Jaunolaines staciju"));
            var marupe = await TestIdeas.CreateAsync(app, Unique("Gājēju pāreja Mārupē"), territorySlug: "marupe");
            var forResidents = await TestIdeas.CreateAsync(app, Unique("Talka pie Olaines dīķa"), addressedTo: IdeaAddressee.Residents);
            var unconfirmed = await TestIdeas.CreateAsync(app, Unique("Neapstiprināta ideja Olainē"), status: IdeaStatus.Unconfirmed);
            var olaineStaff = await Staff("olaines-novads", "lv");
            var olaineEnglish = await Staff("olaines-novads", "en");
            var marupeStaff = await Staff("marupes-novads", "lv");
            var kekavaStaff = await Staff("kekavas-novads", "lv");
            var noNovads = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("staff-none"), Roles.MunicipalityStaff);
            var resident = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("resident"), novadsSlug: "olaines-novads");

            app.Clock.SetUtcNow(TestDates.AtRiga(day, 9));
            Assert.NotNull(await RunAsync());

            var lv = await app.Smtp.WaitForMessageAsync(olaineStaff.Email!);
            Assert.Equal("Jaunas iedzīvotāju idejas pašvaldībai — Olaines novads", lv.Subject);
            Assert.Contains($"• {olaine.Title} (Olaine) — http://kaimini.test/municipality/ideas/{olaine.Id}", lv.TextBody);
            Assert.Contains("Jaunās idejas: 1.", lv.TextBody);
            Assert.DoesNotContain(marupe.Title, lv.TextBody);
            Assert.DoesNotContain(forResidents.Title, lv.TextBody);
            Assert.DoesNotContain(unconfirmed.Title, lv.TextBody);
            Assert.NotNull(lv.Headers["List-Unsubscribe"]);
            var en = await app.Smtp.WaitForMessageAsync(olaineEnglish.Email!);
            Assert.Equal("New residents' ideas for the municipality — Olaines novads", en.Subject);
            Assert.Contains($"http://kaimini.test/municipality/ideas/{olaine.Id}", en.TextBody);
            var toMarupe = await app.Smtp.WaitForMessageAsync(marupeStaff.Email!);
            Assert.Contains($"http://kaimini.test/municipality/ideas/{marupe.Id}", toMarupe.TextBody);
            Assert.DoesNotContain(olaine.Title, toMarupe.TextBody);

            // Nothing was even queued for Ķekava (no new ideas there), staff without a novads or a resident.
            var others = new[] { kekavaStaff.Email!, noNovads.Email!, resident.Email! };
            Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => others.Contains(m.Recipient))));
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task Only_new_ideas_are_sent_once_a_day_and_a_day_without_new_ones_sends_nothing()
    {
        var day = TestDates.DaysAhead(app.Clock, 600);
        try
        {
            app.Clock.SetUtcNow(TestDates.AtRiga(day.AddDays(-1), 9));
            var old = await TestIdeas.CreateAsync(app, Unique("Vecā ideja par soliņiem"));
            await RunAsync();
            var staff = await Staff("olaines-novads", "lv");
            app.Clock.SetUtcNow(TestDates.AtRiga(day.AddDays(-1), 15));
            var first = await TestIdeas.CreateAsync(app, Unique("Apgaismojums Olaines parkā"));

            // Before the hour, nothing; then the day's digest, once however often the job looks.
            app.Clock.SetUtcNow(TestDates.AtRiga(day, 6));
            Assert.Null(await RunAsync());
            app.Clock.SetUtcNow(TestDates.AtRiga(day, 8, 5));
            Assert.Equal(1, (await RunAsync())!.Ideas);
            Assert.Null(await RunAsync());
            var mail = await app.Smtp.WaitForMessageAsync(staff.Email!);
            Assert.Contains(first.Title, mail.TextBody);
            Assert.DoesNotContain(old.Title, mail.TextBody);
            Assert.Equal(1, await DigestsToAsync(staff.Email!));

            // A day without new ideas: the run happens and records it, but nothing is queued.
            app.Clock.SetUtcNow(TestDates.AtRiga(day.AddDays(1), 9));
            Assert.Equal(new IdeaDigestResult(0, 0, 0), await RunAsync());
            Assert.Equal(1, await DigestsToAsync(staff.Email!));
            var finished = await app.WithDbAsync(db => db.JobRuns.SingleAsync(r => r.Job == IdeaDigest.Name && r.Day == day.AddDays(1)));
            Assert.NotNull(finished.FinishedAt);

            // The next idea comes in the next day's digest, alone.
            app.Clock.SetUtcNow(TestDates.AtRiga(day.AddDays(1), 11));
            var second = await TestIdeas.CreateAsync(app, Unique("Rotaļu laukums Jaunolainē"), territorySlug: "jaunolaine");
            app.Clock.SetUtcNow(TestDates.AtRiga(day.AddDays(2), 9));
            await RunAsync();
            var next = await app.Smtp.WaitForMessageAsync(staff.Email!, m => m.TextBody?.Contains(second.Title) == true);
            Assert.DoesNotContain(first.Title, next.TextBody);
            Assert.Equal(2, await DigestsToAsync(staff.Email!));
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    private async Task<IdeaDigestResult?> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdeaDigest>().RunAsync(CancellationToken.None);
    }

    private Task<AppUser> Staff(string novads, string culture) =>
        TestUsers.CreateAsync(app, TestUsers.UniqueEmail("digest-staff"), Roles.MunicipalityStaff, culture, novadsSlug: novads);

    private Task<int> DigestsToAsync(string email) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == email.ToLowerInvariant() && m.Category == IdeaDigest.Category));

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 7)];
}
