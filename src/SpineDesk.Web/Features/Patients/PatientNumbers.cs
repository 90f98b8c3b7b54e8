using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.Patients;

/// <summary>
/// Patient numbers such as PT-7KQ4-M2XP: the same 40 random bits in Crockford's base 32 as an inquiry's
/// reference (<see cref="ReferenceNumbers"/>), with a prefix that says which of the two a number is.
/// </summary>
public static class PatientNumbers
{
    public static string New() => "PT" + ReferenceNumbers.New()[2..];
}
