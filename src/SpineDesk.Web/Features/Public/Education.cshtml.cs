using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpineDesk.Web.Features.Public;

/// <summary>The education pages: one Markdown file each under content/pages.</summary>
[AllowAnonymous]
public sealed class EducationModel(EducationContent content) : PageModel
{
    public ContentPage Article { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        var page = content.Find(slug);
        if (page is null)
        {
            return NotFound();
        }

        Article = page;
        return Page();
    }
}
