using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data.Seed;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Communities;

/// <summary>The portal with the 40 invented demo communities of ./kaimini run.</summary>
public sealed class DirectoryApp : KaiminiApp
{
    /// <summary>No mail here; without the dispatcher's and the bulk-send worker's polling, query counts are the pages' alone.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:Enabled"] = "false",
        ["BulkSends:Enabled"] = "false",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithScopeAsync(s => s.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None));
    }
}
