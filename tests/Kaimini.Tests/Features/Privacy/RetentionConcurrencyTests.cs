using System.Text.Json;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Privacy;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Privacy;

/// <summary>Two portal instances on one database run the retention job at the same moment.</summary>
public class RetentionConcurrencyTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    /// <summary>A second portal on the first one's database.</summary>
    private sealed class SecondInstance(string database) : KaiminiApp(database);

    [Fact]
    public async Task Two_instances_running_the_job_at_once_process_each_registration_once()
    {
        await using var second = new SecondInstance(app.DatabaseName);
        await second.InitializeAsync();
        var clock = TestRegistrations.ClockAt(30);
        var now = clock.GetUtcNow();
        var ev = await TestEvents.CreateAsync(app, "Aizvadīts forums", startsAt: now.AddMonths(-13));
        var registrations = new List<EventRegistration>();
        for (var i = 0; i < 30; i++)
        {
            registrations.Add(await TestRegistrations.AddAsync(app, ev, TestUsers.UniqueEmail($"dalibnieks{i}"), $"Dalībnieks {i}", needs: "lifts"));
        }

        var results = await Task.WhenAll(
            Task.Run(() => TestRegistrations.RunRetentionAsync(app, clock)),
            Task.Run(() => TestRegistrations.RunRetentionAsync(second, clock)));

        // One instance did the day's work, the other found it claimed.
        var done = Assert.Single(results, r => r is not null);
        Assert.Single(results, r => r is null);
        Assert.Equal(30, done!.RegistrationsAnonymised);
        var today = DateOnly.FromDateTime(now.ToRiga().DateTime);
        var run = await app.WithDbAsync(db => db.JobRuns.SingleAsync(r => r.Job == RetentionJob.Name && r.Day == today));
        var summary = JsonSerializer.Deserialize<RetentionResult>(run.Summary!, JsonSerializerOptions.Web)!;
        Assert.Equal(30, summary.RegistrationsAnonymised);
        Assert.Equal(30, summary.NeedsDeleted);
        var ids = registrations.Select(r => r.Id).ToList();
        var stored = await app.WithDbAsync(db => db.EventRegistrations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync());
        Assert.All(stored, r => Assert.Equal(now, r.AnonymisedAt));
        // Both instances hash with the one key the first of them stored.
        Assert.Equal(await TestRegistrations.HashAsync(app, "Kads@Example.lv"), await TestRegistrations.HashAsync(second, "kads@example.lv "));
        foreach (var (original, row) in registrations.Zip(registrations.Select(r => stored.Single(s => s.Id == r.Id))))
        {
            Assert.Equal(await TestRegistrations.HashAsync(second, original.Email), row.PersonHash);
        }
    }
}
