using Microsoft.EntityFrameworkCore;

namespace SpineDesk.Data;

/// <summary>
/// A record staff change through forms: its <see cref="Version"/> is a concurrency token that
/// <see cref="SpineDeskDbContext"/> raises on every change.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Optimistic concurrency on the <c>Version</c> columns, as every staff form uses it.</summary>
public static class VersionChecks
{
    /// <summary>
    /// Makes the next save's UPDATE of <paramref name="entity"/> apply only where its row still has the version the
    /// form carried (<paramref name="expected"/>), and counts the row as changed even when nothing else is, so the
    /// version is raised and anyone holding the older page is stopped. A save that finds another version throws
    /// <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static void ExpectVersion(this DbContext db, IVersioned entity, int expected)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        var property = db.Entry(entity).Property(nameof(IVersioned.Version));
        property.OriginalValue = expected;
        property.IsModified = true;
    }
}
