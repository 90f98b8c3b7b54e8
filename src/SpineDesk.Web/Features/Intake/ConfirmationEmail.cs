using System.Text;
using SpineDesk.Clinical;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Intake;

/// <summary>The email that tells a person their request arrived.</summary>
public static class ConfirmationEmail
{
    public static (string Subject, string Text) Compose(Inquiry inquiry, ClinicOptions clinic)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(clinic);
        var text = new StringBuilder();
        text.AppendLine(FormattableString.Invariant($"Dear {inquiry.Name},"));
        text.AppendLine();
        if (inquiry.Urgency == Urgency.Emergency)
        {
            text.AppendLine("IMPORTANT: some of your answers can be signs of a problem that needs emergency care.");
            text.AppendLine(FormattableString.Invariant($"Go to an emergency department now, or call {clinic.EmergencyNumber}. Do not wait for our call."));
            text.AppendLine();
        }

        text.AppendLine(FormattableString.Invariant($"Thank you for contacting {clinic.Name}. We have received your request."));
        text.AppendLine();
        text.AppendLine(FormattableString.Invariant($"Your reference number is {inquiry.ReferenceNumber}."));
        text.AppendLine("Please quote it if you call us.");
        text.AppendLine();
        text.AppendLine(inquiry.Urgency == Urgency.Urgent
            ? "A care coordinator will try to call you today."
            : "A care coordinator will contact you soon to talk about your back pain and the next steps.");
        text.AppendLine();
        text.AppendLine(FormattableString.Invariant($"If you need to reach us, call {clinic.Phone}."));
        text.AppendLine(FormattableString.Invariant($"If your symptoms get much worse, or you have new problems with your bladder or bowels or numbness between your legs, call {clinic.EmergencyNumber} or go to an emergency department."));
        text.AppendLine();
        text.AppendLine(clinic.Name);
        return (FormattableString.Invariant($"{clinic.Name}: we received your request ({inquiry.ReferenceNumber})"), text.ToString());
    }
}
