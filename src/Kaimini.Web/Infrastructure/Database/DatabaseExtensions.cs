using Kaimini.Web.Data;
using Kaimini.Web.Data.Seed;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kaimini.Web.Infrastructure.Database;

public static class DatabaseExtensions
{
    public static IServiceCollection AddKaiminiData(this IServiceCollection services)
    {
        string? connectionString = null;
        // Pooled: a request leases a context that is already set up. Without the pool each request
        // built its context's options and internal services afresh (query translators, the model's
        // lookup), about a tenth of a page's CPU time. The options are built once, from the root
        // provider; the context keeps no state of its own between leases.
        services.AddDbContextPool<AppDbContext>((sp, options) =>
        {
            // Built once: the configured string with this instance's pool size and, unless it says
            // otherwise, automatic preparation: EF Core sends the same parameterised SQL for a page
            // every time, so from its second use a statement is parsed and planned once per
            // connection instead of on every request (0.3-1.2 ms per statement, more under load);
            // and no reset when a pooled connection is taken again (see Tuned).
            connectionString ??= Tuned(new NpgsqlConnectionStringBuilder(sp.GetRequiredService<IConfiguration>().GetConnectionString("Default")
                ?? throw new InvalidOperationException("ConnectionStrings:Default is not set."))
            {
                MaxPoolSize = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.MaxPoolSize,
            }).ConnectionString;
            AppDbContext.Configure(options, connectionString)
                .AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>(), sp.GetRequiredService<PublicPageCacheInterceptor>());
        });

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<ScaleSeeder>();
        services.AddSingleton<ReferenceCache>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService<StartupMigrationService>();

        // Keys in PostgreSQL: every instance behind a load balancer reads the same cookies.
        services.AddDataProtection().SetApplicationName("Kaimini").PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    private static NpgsqlConnectionStringBuilder Tuned(NpgsqlConnectionStringBuilder builder)
    {
        // A string that sets either (Max Auto Prepare=0 turns preparation off) is left as it is.
        var configured = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!configured.ContainsKey("Max Auto Prepare") && !configured.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 200;
            builder.AutoPrepareMinUsages = 2;
        }

        // EF Core opens and closes the connection around each statement, and Npgsql resets a pooled
        // connection on every open (RESET ALL, CLOSE ALL, UNLISTEN *, pg_advisory_unlock_all(),
        // DISCARD SEQUENCES and TEMP): a sixth to a third of PostgreSQL's work on a page of light
        // statements (measured on community and event pages). Nothing here leaves session state
        // behind: the reports' settings are SET LOCAL (ReportQueries), the facts' temporary tables
        // ON COMMIT DROP, the advisory locks transaction-level, and nothing LISTENs.
        if (!configured.ContainsKey("No Reset On Close") && !configured.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder;
    }
}
