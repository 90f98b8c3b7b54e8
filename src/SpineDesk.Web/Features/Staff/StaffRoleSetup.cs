using Microsoft.AspNetCore.Identity;
using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Staff;

public static class StaffRoleSetup
{
    /// <summary>Creates the roles of <see cref="StaffRoles"/> (or those named) that do not exist yet.</summary>
    public static async Task EnsureRolesAsync(this RoleManager<IdentityRole> roles, IEnumerable<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var name in names ?? StaffRoles.All)
        {
            if (await roles.RoleExistsAsync(name))
            {
                continue;
            }

            var result = await roles.CreateAsync(new IdentityRole(name));
            // A duplicate name (created meanwhile by another instance) is refused, and is fine.
            if (!result.Succeeded && !await roles.RoleExistsAsync(name))
            {
                throw new InvalidOperationException($"Could not create the role {name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
