using System.Globalization;
using System.Text;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Cadence;

/// <summary>The final email to a person the clinic could not reach: plain and kind, with how to reach us and emergency advice.</summary>
public static class UnreachableEmail
{
    public const string Kind = "inquiry.unreachable";

    public static string Subject(ClinicOptions clinic)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        return $"We tried to reach you - {clinic.Name}";
    }

    public static string Body(Inquiry inquiry, ClinicOptions clinic)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(clinic);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dear {inquiry.Name},");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Thank you for contacting {clinic.Name} about your back pain. We tried several times to reach you by phone but could not get through, so we have closed your request for now.");
        text.AppendLine();
        text.AppendLine("We would still be glad to help. Whenever suits you, please get in touch:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- phone: {clinic.Phone}");
        if (!string.IsNullOrWhiteSpace(clinic.Email))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- email: {clinic.Email}");
        }

        foreach (var line in clinic.OpeningHours)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- opening hours: {line}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Please mention your reference number: {inquiry.ReferenceNumber}.");
        text.AppendLine();
        text.AppendLine("If you have new problems controlling your bladder or bowel, numbness around your genitals or back passage, weakness in your legs that is getting worse, or pain with a fever, do not wait for us:");
        text.AppendLine(CultureInfo.InvariantCulture, $"call {clinic.EmergencyNumber} or go to an emergency department now.");
        text.AppendLine();
        text.AppendLine("With best wishes,");
        text.AppendLine(CultureInfo.InvariantCulture, $"The care coordinators at {clinic.Name}");
        return text.ToString();
    }
}
