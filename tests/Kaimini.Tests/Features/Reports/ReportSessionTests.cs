using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Reports;

/// <summary>The report statements run without JIT and with more work memory, but only inside their
/// read-only transaction: pooled connections are not reset when they are taken again, so a session
/// setting would follow the connection to every later page.</summary>
public class ReportSessionTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static Task<string> SettingAsync(AppDbContext db, string name) =>
        db.Database.SqlQuery<string>($"SELECT current_setting({name}) AS \"Value\"").SingleAsync();

    [Fact]
    public async Task The_reports_settings_end_with_their_read_only_transaction_and_the_connection_is_as_before()
    {
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var queries = s.GetRequiredService<ReportQueries>();
            // Held open by the test: every statement below runs on this one physical connection.
            await db.Database.OpenConnectionAsync();
            var workMem = await SettingAsync(db, "work_mem");
            var jit = await SettingAsync(db, "jit");
            var workers = await SettingAsync(db, "max_parallel_workers_per_gather");
            Assert.NotEqual("32MB", workMem);

            var reference = await s.GetRequiredService<ReferenceCache>().GetAsync(CancellationToken.None);
            var today = TestDates.DaysAhead(app.Clock, 0);
            var scope = ReportScope.Resolve(new ReportFilter { Period = PeriodKind.Range, From = today.AddDays(-30), To = today.AddDays(-1) },
                reference, app.Clock.GetUtcNow());
            await queries.FiguresAsync(scope, scope.Current, CancellationToken.None);
            Assert.Equal("32MB", await SettingAsync(db, "work_mem"));
            Assert.Equal("off", await SettingAsync(db, "jit"));
            Assert.Equal("0", await SettingAsync(db, "max_parallel_workers_per_gather"));
            Assert.Equal("on", await SettingAsync(db, "transaction_read_only"));

            await queries.EndSessionAsync();
            Assert.Equal(workMem, await SettingAsync(db, "work_mem"));
            Assert.Equal(jit, await SettingAsync(db, "jit"));
            Assert.Equal(workers, await SettingAsync(db, "max_parallel_workers_per_gather"));
            Assert.Equal("off", await SettingAsync(db, "transaction_read_only"));
        });
    }
}
