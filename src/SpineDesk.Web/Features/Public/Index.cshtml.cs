using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpineDesk.Web.Features.Public;

[AllowAnonymous]
public sealed class IndexModel(EducationContent content) : PageModel
{
    public ContentPage Article { get; private set; } = null!;

    public IActionResult OnGet()
    {
        var page = content.Find("home");
        if (page is null)
        {
            return NotFound();
        }

        Article = page;
        return Page();
    }
}
