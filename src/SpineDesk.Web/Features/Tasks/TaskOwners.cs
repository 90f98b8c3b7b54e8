using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;

namespace SpineDesk.Web.Features.Tasks;

/// <summary>An owner a task can be given: a role ("role:Coordinator") or a person ("person:{id}").</summary>
public sealed record TaskOwnerChoice(string Value, string Label);

/// <summary>Who can own a task, and reading an owner back from a form.</summary>
public sealed class TaskOwners(SpineDeskDbContext db)
{
    public const string RolePrefix = "role:";

    public const string PersonPrefix = "person:";

    /// <summary>The roles whose members work with patients, so can share a task.</summary>
    public static IReadOnlyList<string> Roles { get; } = [StaffRoles.Coordinator, StaffRoles.Clinician];

    public static string ValueFor(StaffTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.OwnerId is { } person ? PersonPrefix + person : RolePrefix + task.OwnerRole;
    }

    /// <summary>The roles first, then each coordinator and clinician by name (with their role, to tell namesakes apart).</summary>
    public async Task<IReadOnlyList<TaskOwnerChoice>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var roleNames = Roles.Select(r => r.ToUpperInvariant()).ToList();
        var people = await (
                from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where roleNames.Contains(r.NormalizedName!)
                select new { u.Id, u.DisplayName, Role = r.Name })
            .ToListAsync(cancellationToken);
        var choices = Roles.Select(r => new TaskOwnerChoice(RolePrefix + r, TaskWords.DescribeRole(r))).ToList();
        choices.AddRange(people
            .GroupBy(p => p.Id)
            .Select(g => new TaskOwnerChoice(PersonPrefix + g.Key, $"{g.First().DisplayName} ({string.Join(", ", g.Select(p => p.Role).Order(StringComparer.Ordinal))})"))
            .OrderBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase));
        return choices;
    }

    /// <summary>
    /// Reads an owner posted by a form: a role from <see cref="Roles"/>, or a coordinator or clinician who has
    /// an account. Otherwise the message to show, and neither owner.
    /// </summary>
    public async Task<(string? OwnerId, string? OwnerRole, string? Error)> ReadAsync(string? value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null, "Choose who the task is for.");
        }

        if (value.StartsWith(RolePrefix, StringComparison.Ordinal))
        {
            var role = value[RolePrefix.Length..];
            return Roles.Contains(role, StringComparer.Ordinal)
                ? (null, role, null)
                : (null, null, "Choose who the task is for from the list.");
        }

        if (value.StartsWith(PersonPrefix, StringComparison.Ordinal))
        {
            var id = value[PersonPrefix.Length..];
            var choices = await ChoicesAsync(cancellationToken);
            return choices.Any(c => c.Value == value)
                ? (id, null, null)
                : (null, null, "That person cannot take tasks (they are not a coordinator or clinician). Choose someone from the list.");
        }

        return (null, null, "Choose who the task is for from the list.");
    }
}
