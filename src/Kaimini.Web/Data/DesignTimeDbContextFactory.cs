using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kaimini.Web.Data;

/// <summary>For `dotnet ef`: builds the model without starting the portal. Adding a migration
/// needs no server; `dotnet ef database update` takes its connection from --connection.</summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, "Host=127.0.0.1;Database=kaimini_design");
        return new AppDbContext(options.Options);
    }
}
