using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.Staff;

/// <summary>First step of staff sign-in: password. The second step is always the authenticator code.</summary>
[AllowAnonymous]
[EnableRateLimiting(IntakeSetup.PublicFormsPolicy)]
public sealed class SignInModel(SignInManager<StaffUser> signInManager) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? ReturnUrl { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOr(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = LocalOr(returnUrl);
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your email address and password.";
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            Error = "That email address and password do not match an account.";
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Staff/SignInCode", new { returnUrl = ReturnUrl });
        }

        if (result.Succeeded)
        {
            // Password accepted but no authenticator yet: enrolment comes before anything else.
            return RedirectToPage("/Staff/Authenticator", new { returnUrl = ReturnUrl });
        }

        Error = !result.IsLockedOut ? "That email address and password do not match an account."
            : user.LockoutEnd == DateTimeOffset.MaxValue ? "This account has been locked by an administrator. Ask an administrator of the clinic if you need it."
            : "This account is locked for 15 minutes after too many attempts. Ask an administrator if you need help sooner.";
        return Page();
    }

    internal string LocalOr(string? url) => Url.IsLocalUrl(url) ? url! : "/staff";
}
