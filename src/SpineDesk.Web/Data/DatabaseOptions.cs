namespace SpineDesk.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (the default) or "Postgres".</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. For SQLite it may be left empty: a file <c>spinedesk.db</c> in
    /// <see cref="DataFolder"/> is used. For PostgreSQL it is required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file lives, relative to the content root unless absolute.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
