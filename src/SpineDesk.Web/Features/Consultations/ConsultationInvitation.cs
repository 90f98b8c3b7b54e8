using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SpineDesk.Data.Consultations;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>Who an invitation is from and to, and how the event is described.</summary>
/// <remarks>
/// The clinic organizes; the patient and the clinician are the attendees (an address that is missing leaves
/// that attendee out: a person who gave no email, or a cancellation sent only to a clinician taken off the event).
/// </remarks>
public sealed record InvitationParties(
    string ClinicName,
    string OrganizerAddress,
    string PatientName,
    string? PatientAddress,
    string ClinicianName,
    string? ClinicianAddress,
    string TimeZoneId);

/// <summary>
/// The iCalendar (RFC 5545, iTIP RFC 5546) invitation sent with consultation emails. The event keeps one UID
/// for its life; every change raises SEQUENCE so that calendar programs replace the earlier copy. Times are
/// written in the clinic's zone with its VTIMEZONE, so the event shows at the right hour on both sides of a
/// daylight-saving change. The summary names the clinic only: nothing clinical goes into a calendar.
/// </summary>
public static class ConsultationInvitation
{
    public const string FileName = "consultation.ics";

    public static string ContentType(string method) => $"text/calendar; method={method}; charset=utf-8";

    public static byte[] Build(Consultation consultation, InvitationParties parties, string method, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(parties);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(parties.TimeZoneId);
        var calendar = new Calendar { Method = method, ProductId = "-//SpineDesk//Consultations//EN" };
        calendar.AddTimeZone(new VTimeZone(parties.TimeZoneId));
        var cancelled = method == CalendarMethods.Cancel;
        var calendarEvent = new CalendarEvent
        {
            Uid = consultation.IcsUid,
            Sequence = consultation.IcsSequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            Start = Local(consultation.StartUtc, zone, parties.TimeZoneId),
            End = Local(consultation.EndUtc, zone, parties.TimeZoneId),
            Summary = $"Consultation at {parties.ClinicName}",
            Location = consultation.Mode == ConsultationMode.Video
                ? "Video call (the clinic sends the link before the consultation)"
                : consultation.Location,
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{parties.OrganizerAddress}") { CommonName = parties.ClinicName },
        };
        foreach (var (name, address) in new[] { (parties.PatientName, parties.PatientAddress), (parties.ClinicianName, parties.ClinicianAddress) })
        {
            if (!string.IsNullOrWhiteSpace(address))
            {
                calendarEvent.Attendees.Add(new Attendee($"mailto:{address}")
                {
                    CommonName = name,
                    Role = "REQ-PARTICIPANT",
                    ParticipationStatus = "NEEDS-ACTION",
                    Rsvp = !cancelled,
                });
            }
        }

        calendar.Events.Add(calendarEvent);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Encoding.UTF8.GetBytes(text);
    }

    private static CalDateTime Local(DateTime utc, TimeZoneInfo zone, string zoneId) =>
        new(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), zoneId);
}
