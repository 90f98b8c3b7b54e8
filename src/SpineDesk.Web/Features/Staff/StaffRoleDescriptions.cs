using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Staff;

/// <summary>What each role may do, in the words an administrator choosing roles needs.</summary>
public static class StaffRoleDescriptions
{
    public static string For(string role) => role switch
    {
        StaffRoles.Coordinator => "Works the queue of patient inquiries: calls, bookings, follow-up.",
        StaffRoles.Clinician => "Sees patients' answers and records evaluations, consent and procedures.",
        StaffRoles.Researcher => "Sees de-identified outcomes only: no names or contact details.",
        StaffRoles.Administrator => "Manages staff accounts, roles and sign-in.",
        _ => "",
    };
}
