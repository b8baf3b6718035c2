using Kaimini.Web.Data;
using Kaimini.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.Reports;

/// <summary>Refreshes the summary tables every <see cref="ReportsOptions.RefreshMinutes"/>: every
/// report refreshes them anyway, this keeps <c>report_stale</c> short (every registration, support
/// and idea change adds to it) and the first report after a quiet week fast.</summary>
public class ReportFactsWorker(IServiceScopeFactory scopes, IOptions<ReportsOptions> options, ILogger<ReportFactsWorker> logger)
    : PeriodicJobWorker(scopes, logger)
{
    protected override string JobName => "Report refresh";

    protected override bool Enabled => options.Value.RefreshEnabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RefreshMinutes);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<ReportFacts>().RefreshAsync(ct);
}
