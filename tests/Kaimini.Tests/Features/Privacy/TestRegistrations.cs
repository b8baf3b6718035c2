using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Privacy;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kaimini.Tests.Features.Privacy;

/// <summary>Registrations written straight to the class's database, and the retention job run on a
/// fake clock.</summary>
internal static class TestRegistrations
{
    public static async Task<EventRegistration> AddAsync(KaiminiApp app, Event ev, string email, string name = "Anna Bērziņa",
        RegistrationStatus status = RegistrationStatus.Confirmed, string? needs = null, string? userId = null,
        DateTimeOffset? createdAt = null, DateTimeOffset? checkedInAt = null, int? territoryId = null, string? manageTokenHash = null)
    {
        var registration = new EventRegistration
        {
            Id = Guid.CreateVersion7(),
            EventId = ev.Id,
            Name = name,
            Email = email.ToLowerInvariant(),
            // As a sign-up sets it: the portal's keyed hash of the address.
            PersonHash = await HashAsync(app, email),
            UserId = userId,
            ParticipantType = ParticipantType.NgoRepresentative,
            TerritoryId = territoryId,
            AccessibilityNeeds = needs,
            ListConsent = true,
            Status = status,
            ManageTokenHash = manageTokenHash ?? LinkTokens.Create().Hash,
            CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
            CheckedInAt = checkedInAt,
        };
        await app.WithDbAsync(db =>
        {
            db.EventRegistrations.Add(registration);
            return db.SaveChangesAsync();
        });
        return registration;
    }

    public static Task<EventRegistration> FindAsync(KaiminiApp app, Guid id) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.EventRegistrations, r => r.Id == id));

    /// <summary>Noon in Riga, <paramref name="days"/> days from today: a day of its own for each test,
    /// since the job runs once a day.</summary>
    public static FakeTimeProvider ClockAt(int days) =>
        new(Kaimini.Web.Infrastructure.Localization.RigaTime.FromRiga(DateTime.UtcNow.Date.AddDays(days).AddHours(12)));

    public static async Task<RetentionResult?> RunRetentionAsync(KaiminiApp app, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<RetentionJob>(scope.ServiceProvider, clock).RunAsync(CancellationToken.None);
    }

    public static async Task<string> HashAsync(KaiminiApp app, string email) =>
        await app.Services.GetRequiredService<PersonHasher>().HashAsync(email, CancellationToken.None);
}
