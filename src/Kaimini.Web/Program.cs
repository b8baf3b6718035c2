using Kaimini.Web.Data.Seed;
using Kaimini.Web.Features;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Database;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Logging;
using Kaimini.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddKaiminiLogging();
builder.Services.AddKaiminiData();
builder.Services.AddKaiminiIdentity(builder.Environment, builder.Configuration);
builder.Services.AddKaiminiEmail();
builder.Services.AddKaiminiWeb();
builder.Services.AddKaiminiFeatures();

var app = builder.Build();

// `Kaimini.Web migrate`: apply migrations and seed, then exit (./kaimini, deployments).
if (args.Contains("migrate"))
{
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    return;
}

// `Kaimini.Web seed-scale`: invented data at the scale of all of Latvia (./kaimini seed --scale latvia);
// with Scale:StaffEmail and Scale:StaffPassword also the municipality staff account the benchmark signs in with,
// with Scale:Organiser{Email,Password,AuthenticatorKey} its organiser account.
if (args.Contains("seed-scale"))
{
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    await using var scope = app.Services.CreateAsyncScope();
    var seeder = scope.ServiceProvider.GetRequiredService<ScaleSeeder>();
    await seeder.SeedAsync(ScaleTargets.Latvia, CancellationToken.None);
    if (app.Configuration["Scale:StaffEmail"] is { Length: > 0 } staffEmail && app.Configuration["Scale:StaffPassword"] is { Length: > 0 } staffPassword)
    {
        await seeder.EnsureStaffAccountAsync(staffEmail, staffPassword, CancellationToken.None);
    }

    if (app.Configuration["Scale:OrganiserEmail"] is { Length: > 0 } organiserEmail && app.Configuration["Scale:OrganiserPassword"] is { Length: > 0 } organiserPassword
        && app.Configuration["Scale:OrganiserAuthenticatorKey"] is { Length: > 0 } organiserKey)
    {
        await seeder.EnsureOrganiserAccountAsync(organiserEmail, organiserPassword, organiserKey, CancellationToken.None);
    }

    return;
}

// `Kaimini.Web bench-digest`: one weekly digest run for up to 100,000 subscribers on the benchmark's
// database (./kaimini bench); prints what it did and how long it took.
if (args.Contains("bench-digest"))
{
    Console.WriteLine(await Kaimini.Web.Features.Digest.DigestBenchmark.RunAsync(app.Services, 100_000, CancellationToken.None));
    return;
}

app.UseKaiminiPipeline();
app.MapKaiminiEndpoints();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
