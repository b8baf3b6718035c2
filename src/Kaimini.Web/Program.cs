using Kaimini.Web.Features;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Database;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Logging;
using Kaimini.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddKaiminiLogging();
builder.Services.AddKaiminiData();
builder.Services.AddKaiminiIdentity(builder.Environment);
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

app.UseKaiminiPipeline();
app.MapKaiminiEndpoints();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
