using System.Globalization;

namespace SpineDesk.Web.Features.Staff.Invitations;

/// <summary>Times are stored in UTC and shown in the clinic's time zone.</summary>
public static class ClinicTime
{
    public static (DateTime Local, string ZoneName) From(DateTime utc, string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? (TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), timeZone)
            : (utc, "UTC");

    public static string Format(DateTime utc, string timeZone, string format = "d MMM yyyy HH:mm") =>
        From(utc, timeZone).Local.ToString(format, CultureInfo.InvariantCulture);
}
