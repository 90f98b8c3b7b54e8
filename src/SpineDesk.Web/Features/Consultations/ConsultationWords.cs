using SpineDesk.Data.Consultations;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>Consultation terms in the clinic's words.</summary>
public static class ConsultationWords
{
    public static string Describe(ConsultationStatus status) => status switch
    {
        ConsultationStatus.Booked => "Booked",
        ConsultationStatus.Cancelled => "Cancelled",
        ConsultationStatus.Completed => "Held",
        ConsultationStatus.NoShow => "Did not attend",
        _ => status.ToString(),
    };

    public static string Describe(AvailabilityChangeKind kind) =>
        kind == AvailabilityChangeKind.Closed ? "Closed all day" : "Extra hours";
}
