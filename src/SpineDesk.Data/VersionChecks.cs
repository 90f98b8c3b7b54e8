using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace SpineDesk.Data;

/// <summary>Optimistic concurrency on the <c>Version</c> columns, as every staff form uses it.</summary>
public static class VersionChecks
{
    /// <summary>
    /// Makes the next save's UPDATE of <paramref name="entity"/> apply only where its row still has the version the
    /// form carried (<paramref name="expected"/>), and counts the row as changed even when nothing else is, so the
    /// version is raised and anyone holding the older page is stopped. A save that finds another version throws
    /// <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, Expression<Func<T, int>> version, int expected)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var property = db.Entry(entity).Property(version);
        property.OriginalValue = expected;
        property.IsModified = true;
    }
}
