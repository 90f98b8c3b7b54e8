using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SpineDesk.Data;

namespace SpineDesk.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SpineDeskDbContext>
{
    public SpineDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SpineDeskDbContext>()
            .UseNpgsql("Host=localhost;Database=spinedesk_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
