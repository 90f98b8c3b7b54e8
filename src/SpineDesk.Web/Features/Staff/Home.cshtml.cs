using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Staff;

[Authorize(Policy = StaffPolicies.Staff)]
public sealed class HomeModel(UserManager<StaffUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public async Task OnGetAsync() => DisplayName = (await users.GetUserAsync(User))?.DisplayName ?? User.Identity?.Name ?? "";
}
