using System.Security.Claims;
using SpineDesk.Data;
using SpineDesk.Data.Audit;

namespace SpineDesk.Web.Features.Audit;

/// <summary>
/// Records who viewed or changed patient data, when and from where. A change is audited in the same
/// <c>SaveChangesAsync</c> as the change itself, so neither can exist without the other.
/// </summary>
public sealed class AuditLog(SpineDeskDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider time)
{
    /// <summary>Adds an audit row to the context; it is written by the caller's next save.</summary>
    public void Add(string action, string entityType, string entityId, string? details = null)
    {
        var http = httpContextAccessor.HttpContext;
        var user = http?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            RemoteAddress = http?.Connection.RemoteIpAddress?.ToString(),
            Details = details is { Length: > 1000 } ? details[..1000] : details,
        });
    }

    /// <summary>Records a view at once: reading needs no other save.</summary>
    public async Task RecordViewAsync(string entityType, string entityId, CancellationToken cancellationToken = default)
    {
        Add(AuditActions.View(entityType), entityType, entityId);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class AuditActions
{
    public static string View(string entityType) => $"{entityType.ToLowerInvariant()}.view";
}
