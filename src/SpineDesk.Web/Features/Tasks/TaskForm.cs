using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Queue;

namespace SpineDesk.Web.Features.Tasks;

/// <summary>The fields of a task a form can set, read and checked the same way when adding and when changing.</summary>
public sealed class TaskForm
{
    public string? Title { get; set; }

    public string? Details { get; set; }

    public string? Owner { get; set; }

    /// <summary>Clinic time, as a <c>datetime-local</c> input sends it.</summary>
    public string? Due { get; set; }

    public string? Priority { get; set; }

    /// <summary>What was read, when everything was valid.</summary>
    public sealed record Values(string Title, string? Details, string? OwnerId, string? OwnerRole, DateTime DueAt, TaskPriority Priority);

    /// <summary>
    /// Checks the form, adding a message per field (keyed by its element id) to <paramref name="errors"/>.
    /// <paramref name="withText"/> is false when only the owner, due time and priority are being changed.
    /// </summary>
    public async Task<Values?> ReadAsync(TaskOwners owners, ClinicClock clock, bool withText, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(errors);
        var title = Title?.Trim() ?? "";
        var details = Details?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (withText)
        {
            if (title.Length == 0)
            {
                errors["task-title"] = "Say in a few words what needs doing.";
            }
            else if (title.Length > StaffTask.TitleMaxLength)
            {
                errors["task-title"] = $"Keep the title to {StaffTask.TitleMaxLength} characters; it has {title.Length}. Put the rest in the details.";
            }

            if (details is { Length: > StaffTask.DetailsMaxLength })
            {
                errors["task-details"] = $"Keep the details to {StaffTask.DetailsMaxLength} characters; they have {details.Length}.";
            }
        }

        var (ownerId, ownerRole, ownerError) = await owners.ReadAsync(Owner, cancellationToken);
        if (ownerError is not null)
        {
            errors["task-owner"] = ownerError;
        }

        DateTime dueAt = default;
        if (string.IsNullOrWhiteSpace(Due))
        {
            errors["task-due"] = "Enter when the task is due.";
        }
        else if (!clock.TryReadClinicTime(Due, out dueAt, out var dueError))
        {
            errors["task-due"] = dueError!;
        }

        if (!Enum.TryParse<TaskPriority>(Priority, ignoreCase: false, out var priority) || !Enum.IsDefined(priority))
        {
            errors["task-priority-high"] = "Choose the priority.";
        }

        return errors.Count > 0
            ? null
            : new Values(title, string.IsNullOrEmpty(details) ? null : details, ownerId, ownerRole, dueAt, priority);
    }
}
