using Microsoft.Extensions.Options;
using PhoneNumbers;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Intake;

/// <summary>Reads phone numbers as people write them and keeps them in E.164 form (libphonenumber).</summary>
public sealed class PhoneNumberReader(IOptions<ClinicOptions> clinic)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of a valid number, or null with a reason the person can act on.</summary>
    public (string? E164, string? Error) Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, "Enter a phone number we can call you on.");
        }

        try
        {
            var number = Util.Parse(input, clinic.Value.DefaultPhoneRegion);
            return Util.IsValidNumber(number)
                ? (Util.Format(number, PhoneNumberFormat.E164), null)
                : (null, "Enter a valid phone number, like the one you would dial from here, or with a + and country code.");
        }
        catch (NumberParseException)
        {
            return (null, "Enter a phone number using only digits, spaces, brackets, dashes and a leading +.");
        }
    }

    /// <summary>A number in E.164 form as the clinic's staff would dial it.</summary>
    public string Display(string e164)
    {
        try
        {
            var number = Util.Parse(e164, clinic.Value.DefaultPhoneRegion);
            var region = Util.GetRegionCodeForNumber(number);
            return Util.Format(number, region == clinic.Value.DefaultPhoneRegion ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
