using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data.Audit;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Audit;

/// <summary>The audit table refuses changes in the database itself, whatever code runs against it.</summary>
public abstract class AuditAppendOnlyTests(TestDatabaseKind kind) : AppTest(kind)
{
    private async Task<long> AddRowAsync() => await App.WithDbAsync(async db =>
    {
        var entry = new AuditEntry { At = DateTime.UtcNow, UserId = "someone", Action = "inquiry.view", EntityType = "Inquiry", EntityId = "1" };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    });

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"Action\" = 'inquiry.changed'")]
    [InlineData("UPDATE \"AuditEntries\" SET \"UserId\" = NULL WHERE \"Id\" = {0}")]
    [InlineData("DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    public async Task The_database_refuses_to_update_or_delete_audit_rows(string sql)
    {
        var id = await AddRowAsync();

        var refused = await Assert.ThrowsAnyAsync<DbException>(() =>
            App.WithDbAsync(db => sql.Contains("{0}", StringComparison.Ordinal)
                ? db.Database.ExecuteSqlRawAsync(sql, id)
                : db.Database.ExecuteSqlRawAsync(sql)));

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        var row = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync());
        Assert.Equal((id, "inquiry.view", "someone"), (row.Id, row.Action, row.UserId));
    }

    [Fact]
    public async Task The_application_refuses_to_save_a_changed_audit_row()
    {
        var id = await AddRowAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            var row = await db.AuditEntries.SingleAsync(a => a.Id == id);
            row.Details = "rewritten";
            return await db.SaveChangesAsync();
        }));

        Assert.Null((await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync())).Details);
    }
}

public sealed class AuditAppendOnlyOnSqlite() : AuditAppendOnlyTests(TestDatabaseKind.Sqlite);

public sealed class AuditAppendOnlyOnPostgres() : AuditAppendOnlyTests(TestDatabaseKind.Postgres);
