using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpineDesk.Web.Features.Shared;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "We could not complete that. Nothing you sent has been lost; please try again in a moment.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Page not found", "There is no page at this address. Check the address, or start from the home page."),
            400 => ("That request could not be read", "Please go back, reload the page and try again."),
            _ => (Title, Explanation),
        };
    }
}
