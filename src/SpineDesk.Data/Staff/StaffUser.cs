using Microsoft.AspNetCore.Identity;

namespace SpineDesk.Data.Staff;

/// <summary>A member of the clinic's staff who signs in to the console.</summary>
public class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The staff roles of DESIGN.md §6.</summary>
public static class StaffRoles
{
    public const string Coordinator = nameof(Coordinator);
    public const string Clinician = nameof(Clinician);
    public const string Researcher = nameof(Researcher);
    public const string Administrator = nameof(Administrator);

    public static IReadOnlyList<string> All { get; } = [Coordinator, Clinician, Researcher, Administrator];
}
