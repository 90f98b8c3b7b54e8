using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SpineDesk.Data;

namespace SpineDesk.Web.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddSpineDeskDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is empty.");
                }

                services.AddDbContext<SpineDeskDbContext>(o => o.UseNpgsql(
                    options.ConnectionString,
                    npgsql => npgsql.MigrationsAssembly("SpineDesk.Migrations.Postgres")));
                break;
            case DatabaseProvider.Sqlite:
                var connectionString = SqliteConnectionString(options, environment.ContentRootPath);
                services.AddDbContext<SpineDeskDbContext>(o => o
                    .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("SpineDesk.Migrations.Sqlite"))
                    .AddInterceptors(SqliteDurability.Instance));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or Postgres.");
        }

        return services;
    }

    internal static string SqliteConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "spinedesk.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Creates or upgrades the database before the app takes requests.</summary>
    public static async Task MigrateSpineDeskDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and the single writer work at once; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Every SQLite connection syncs each commit to disk before it returns (synchronous=FULL), so a submission the
    /// patient has been told about survives a power cut; foreign keys are enforced.
    /// </summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public static readonly SqliteDurability Instance = new();

        private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
