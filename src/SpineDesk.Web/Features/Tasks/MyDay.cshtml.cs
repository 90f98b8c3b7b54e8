using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Tasks;

/// <summary>The signed-in coordinator's or clinician's day: calls, tasks and consultations in one list (see <see cref="MyDayPlan"/>).</summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class MyDayModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock, MyDayPlan plan) : PageModel
{
    public const string AuditEntity = "MyDay";

    public ClinicClock Clock => clock;

    public MyDay Day { get; private set; } = null!;

    public IEnumerable<MyDayItem> DueNow => Day.Items.Where(i => i.DueNow);

    public IEnumerable<MyDayItem> LaterToday => Day.Items.Where(i => !i.DueNow);

    public bool IsCoordinator => User.IsInRole(StaffRoles.Coordinator);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var roles = StaffRoles.All.Where(User.IsInRole).ToList();
        Day = await plan.LoadAsync(me, roles, cancellationToken);
        audit.Add(AuditActions.View(AuditEntity), AuditEntity, me, $"{Day.Items.Count} items");
        await db.SaveChangesAsync(cancellationToken);
    }
}
