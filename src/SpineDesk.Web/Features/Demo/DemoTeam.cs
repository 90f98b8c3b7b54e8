using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Demo;

/// <summary>A fictional member of the demo clinic's staff.</summary>
internal sealed record DemoStaffMember(string Email, string DisplayName, string Role, bool SpeaksSpanish);

/// <summary>The demo clinic's coordinators and clinicians, with the ids their accounts have in this database.</summary>
internal sealed class DemoTeam(IReadOnlyList<(string Id, DemoStaffMember Member)> staff)
{
    /// <summary>
    /// The demo staff. Their addresses are on example.org, which can never reach a real person; the "demo."
    /// prefix makes them easy to find and remove.
    /// </summary>
    public static IReadOnlyList<DemoStaffMember> Members { get; } =
    [
        new("demo.amara.okafor@example.org", "Amara Okafor", StaffRoles.Coordinator, SpeaksSpanish: false),
        new("demo.daniel.reyes@example.org", "Daniel Reyes", StaffRoles.Coordinator, SpeaksSpanish: true),
        new("demo.priya.natarajan@example.org", "Priya Natarajan", StaffRoles.Coordinator, SpeaksSpanish: false),
        new("demo.helen.marsh@example.org", "Dr Helen Marsh", StaffRoles.Clinician, SpeaksSpanish: false),
        new("demo.lucia.ortega@example.org", "Dr Lucía Ortega", StaffRoles.Clinician, SpeaksSpanish: true),
    ];

    public IReadOnlyList<string> Coordinators { get; } = Ids(staff, m => m.Role == StaffRoles.Coordinator);

    public IReadOnlyList<string> SpanishSpeakingCoordinators { get; } = Ids(staff, m => m.Role == StaffRoles.Coordinator && m.SpeaksSpanish);

    public IReadOnlyList<string> Clinicians { get; } = Ids(staff, m => m.Role == StaffRoles.Clinician);

    private static string[] Ids(IReadOnlyList<(string Id, DemoStaffMember Member)> staff, Func<DemoStaffMember, bool> which) =>
        [.. staff.Where(s => which(s.Member)).Select(s => s.Id)];
}
