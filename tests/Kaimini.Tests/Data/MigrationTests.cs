using Kaimini.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Data;

public class MigrationTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, "The model has changes no migration captures: run dotnet ef migrations add <WhatChanged>.");
    }

    [Fact]
    public async Task Every_migration_is_applied_and_the_extensions_exist()
    {
        var pendingMigrations = await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());
        var extensions = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT extname AS \"Value\" FROM pg_extension").ToListAsync());

        Assert.Empty(pendingMigrations);
        Assert.Contains("unaccent", extensions);
        Assert.Contains("pg_trgm", extensions);
    }
}
