using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;

namespace SpineDesk.Web.Features.Tasks;

/// <summary>The desk's words for a task's values.</summary>
public static class TaskWords
{
    public const string EntityType = "Task";

    public static string Describe(TaskPriority priority) => priority switch
    {
        TaskPriority.High => "High",
        TaskPriority.Low => "Low",
        _ => "Normal",
    };

    public static string BadgeClass(TaskPriority priority) => priority switch
    {
        TaskPriority.High => "badge badge-urgent",
        TaskPriority.Low => "badge badge-stage",
        _ => "badge badge-routine",
    };

    public static string Describe(StaffTaskStatus status) => status switch
    {
        StaffTaskStatus.Done => "Done",
        StaffTaskStatus.Cancelled => "Cancelled",
        _ => "Open",
    };

    /// <summary>How a role reads as an owner: "Any coordinator".</summary>
    public static string DescribeRole(string role) => role switch
    {
        StaffRoles.Coordinator => "Any coordinator",
        StaffRoles.Clinician => "Any clinician",
        _ => $"Any {role.ToLowerInvariant()}",
    };

    /// <summary>What made the task, for its page.</summary>
    public static string DescribeRule(string? rule) => rule switch
    {
        null => "Made by hand",
        TaskRules.NoShowRule => "Made by SpineDesk when a consultation was missed",
        _ => $"Made by the rule \"{rule}\"",
    };

    /// <summary>Where the person a task is about is: their inquiry or their patient record; null for nobody.</summary>
    public static string? PersonHref(int? inquiryId, int? patientId) =>
        inquiryId is { } i ? $"/staff/inquiries/{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : patientId is { } p ? $"/staff/patients/{p.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : null;

    /// <summary>Sort rank of a priority, High first (the enum is stored as text, so SQL needs this spelled out).</summary>
    public static int Rank(TaskPriority priority) => priority switch
    {
        TaskPriority.High => 0,
        TaskPriority.Normal => 1,
        _ => 2,
    };
}
