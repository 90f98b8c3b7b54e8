using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Staff;

/// <summary>TOTP enrolment (RFC 6238), required before a staff member can open any other staff page.</summary>
[Authorize(Policy = StaffPolicies.Enrolling)]
public sealed class AuthenticatorModel(SignInManager<StaffUser> signInManager, IOptions<ClinicOptions> clinic) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? ReturnUrl { get; private set; }

    public string FormattedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public string? Error { get; private set; }

    private UserManager<StaffUser> Users => signInManager.UserManager;

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff";
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        if (user.TwoFactorEnabled && User.HasClaim(StaffPolicies.MfaClaimType, StaffPolicies.MfaClaimValue))
        {
            return LocalRedirect(ReturnUrl!);
        }

        if (user.TwoFactorEnabled)
        {
            // Already enrolled: the key is never shown again to a session without the second factor.
            await signInManager.SignOutAsync();
            return RedirectToPage("/Staff/SignIn", new { returnUrl = ReturnUrl });
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff";
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Staff/SignIn");
        }

        if (user.TwoFactorEnabled)
        {
            // Enrolment happens once; a signed-in session without the second factor signs in again properly.
            await signInManager.SignOutAsync();
            return RedirectToPage("/Staff/SignIn");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var valid = await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            Error = "That code did not match. Check the time on your phone is set automatically, then enter the code shown now.";
            await ShowKeyAsync(user);
            return Page();
        }

        await Users.SetTwoFactorEnabledAsync(user, true);
        await signInManager.SignOutAsync();
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffPolicies.MfaClaimType, StaffPolicies.MfaClaimValue)]);
        return LocalRedirect(ReturnUrl!);
    }

    private async Task ShowKeyAsync(StaffUser user)
    {
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(user);
            key = await Users.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp; re-issue this session's cookie so it stays valid.
            await signInManager.RefreshSignInAsync(user);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < key!.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        FormattedKey = builder.ToString().TrimEnd().ToLowerInvariant();
        var issuer = Uri.EscapeDataString(clinic.Value.Name);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? user.UserName!)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
