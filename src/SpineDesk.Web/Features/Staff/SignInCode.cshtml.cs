using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.Staff;

/// <summary>Second step of staff sign-in: the TOTP code.</summary>
[AllowAnonymous]
[EnableRateLimiting(IntakeSetup.PublicFormsPolicy)]
public sealed class SignInCodeModel(SignInManager<StaffUser> signInManager) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? ReturnUrl { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff";
        return await signInManager.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToPage("/Staff/SignIn")
            : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff";
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl!);
        }

        Error = result.IsLockedOut
            ? "This account is locked for 15 minutes after too many attempts."
            : "That code did not match. Codes change every 30 seconds: enter the one your app shows now.";
        return Page();
    }
}
