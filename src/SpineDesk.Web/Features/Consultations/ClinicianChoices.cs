using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>A clinician as a choice in a form.</summary>
public sealed record ClinicianChoice(string Id, string Name);

public static class ClinicianChoices
{
    /// <summary>The staff members holding the Clinician role, by name.</summary>
    public static Task<List<ClinicianChoice>> LoadAsync(SpineDeskDbContext db, CancellationToken cancellationToken) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where role.Name == StaffRoles.Clinician
         orderby user.DisplayName
         select new ClinicianChoice(user.Id, user.DisplayName))
        .AsNoTracking()
        .ToListAsync(cancellationToken);
}
