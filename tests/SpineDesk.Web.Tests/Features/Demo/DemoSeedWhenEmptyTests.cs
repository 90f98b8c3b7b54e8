using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Demo;

/// <summary>Demo:SeedWhenEmpty, as appsettings.Development.json sets it, fills an empty database at start.</summary>
public abstract class DemoSeedWhenEmptyTests(TestDatabaseKind kind) : AppTest(kind)
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Demo:SeedWhenEmpty"] = "true";
        settings["Demo:Inquiries"] = "12";
    }

    [Fact]
    public async Task An_empty_database_gets_the_configured_number_of_demo_inquiries_at_start()
    {
        Assert.Equal(12, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
        Assert.True(await App.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Stage == PipelineStage.New)));
        Assert.All(await App.WithDbAsync(db => db.Users.Select(u => u.PasswordHash).ToListAsync()), Assert.Null);
    }
}

public sealed class DemoSeedWhenEmptyOnSqlite() : DemoSeedWhenEmptyTests(TestDatabaseKind.Sqlite);

public sealed class DemoSeedWhenEmptyOnPostgres() : DemoSeedWhenEmptyTests(TestDatabaseKind.Postgres);

/// <summary>In Production the setting is ignored: fictional patients never enter a clinic's real database.</summary>
public abstract class DemoSeedWhenEmptyInProductionTests(TestDatabaseKind kind) : AppTest(kind)
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Demo:SeedWhenEmpty"] = "true";
        settings["Demo:Inquiries"] = "12";
        settings["environment"] = "Production";
    }

    [Fact]
    public async Task Nothing_is_seeded_in_production()
    {
        Assert.Equal(0, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Users.CountAsync()));
    }
}

public sealed class DemoSeedWhenEmptyInProductionOnSqlite() : DemoSeedWhenEmptyInProductionTests(TestDatabaseKind.Sqlite);

public sealed class DemoSeedWhenEmptyInProductionOnPostgres() : DemoSeedWhenEmptyInProductionTests(TestDatabaseKind.Postgres);
