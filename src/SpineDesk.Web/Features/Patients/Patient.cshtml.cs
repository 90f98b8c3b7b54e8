using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpineDesk.Data;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;
using SpineDesk.Web.Features.Tasks;

namespace SpineDesk.Web.Features.Patients;

/// <summary>
/// One patient: their details, their inquiries, and one history across all of them with the patient's own
/// notes. Every view is audited, as for an inquiry.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class PatientModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock, PhoneNumberReader phones) : PageModel
{
    public ClinicClock Clock => clock;

    public PatientView Patient { get; private set; } = null!;

    public IReadOnlyList<PatientInquiry> Inquiries { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>Tasks about the patient or any of their inquiries: open ones, then the latest closed.</summary>
    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string PhoneDisplay => phones.Display(Patient.Phone);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var data = await PatientPageData.LoadAsync(db, id, clock, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        (Patient, Inquiries, Timeline) = data;
        Tasks = await PersonTasks.ForPatientAsync(db, id, cancellationToken);
        await audit.RecordViewAsync(PatientAudit.EntityType, Patient.PatientNumber, cancellationToken);
        return Page();
    }

    public static string PageUrl(int id) => $"/staff/patients/{id.ToString(CultureInfo.InvariantCulture)}";
}
