using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;

namespace SpineDesk.Web.Tests.Infrastructure;

public enum TestDatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>A migrated, empty database of its own for one test, removed afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;

    private readonly string? _folder;
    private readonly PostgresServer? _server;

    private TestDatabase(TestDatabaseKind kind, string connectionString, string? folder, PostgresServer? server)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _folder = folder;
        _server = server;
    }

    public TestDatabaseKind Kind { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(TestDatabaseKind kind)
    {
        if (kind == TestDatabaseKind.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            return new TestDatabase(kind, await server.CreateDatabaseAsync(), null, server);
        }

        var template = await SqliteTemplateAsync();
        var folder = Path.Combine(Path.GetTempPath(), "spinedesk-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "spinedesk.db");
        File.Copy(template, file);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString();
        return new TestDatabase(kind, connectionString, folder, null);
    }

    /// <summary>Migrates one SQLite file per run; each test starts from a copy.</summary>
    private static async Task<string> SqliteTemplateAsync()
    {
        if (_sqliteTemplate is not null)
        {
            return _sqliteTemplate;
        }

        await TemplateLock.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                var file = Path.Combine(Path.GetTempPath(), $"spinedesk-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
                var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
                var options = new DbContextOptionsBuilder<SpineDeskDbContext>()
                    .UseSqlite(connectionString, o => o.MigrationsAssembly("SpineDesk.Migrations.Sqlite"))
                    .Options;
                await using (var db = new SpineDeskDbContext(options))
                {
                    await db.Database.OpenConnectionAsync();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                    await db.Database.MigrateAsync();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                    await db.Database.CloseConnectionAsync();
                }

                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(file);
                _sqliteTemplate = file;
            }

            return _sqliteTemplate;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(ConnectionString);
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
            }
        }
    }

    private static void DeleteQuietly(string file)
    {
        foreach (var f in (string[])[file, file + "-wal", file + "-shm"])
        {
            try
            {
                File.Delete(f);
            }
            catch (IOException)
            {
            }
        }
    }
}
