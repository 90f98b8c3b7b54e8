using System.Globalization;
using Microsoft.Extensions.Options;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Queue;

/// <summary>
/// The clinic's wall clock, the one place that turns times into clinic time: stored times are UTC, staff and
/// patients read and type them in the clinic's time zone (<see cref="ClinicOptions.TimeZone"/>). Pages inject
/// it; services take it in their constructor.
/// </summary>
public sealed class ClinicClock(IOptions<ClinicOptions> clinic, TimeProvider time)
{
    /// <summary>The format of an HTML <c>datetime-local</c> input.</summary>
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly CultureInfo Words = CultureInfo.GetCultureInfo("en-US");

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);

    public string ZoneName => Zone.Id;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime ToClinic(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A full date and time, such as "Mon 23 Nov 2026, 14:05".</summary>
    public string Format(DateTime utc) => ToClinic(utc).ToString("ddd d MMM yyyy, HH:mm", Words);

    /// <summary>The clinic time in a format of the caller's, e.g. "HH:mm" or "d MMM yyyy HH:mm" (English month names).</summary>
    public string Format(DateTime utc, string format) => ToClinic(utc).ToString(format, Words);

    /// <summary>A time near today in few words: "Today 14:30", "Tomorrow 09:00", "Tue 1 Dec 09:00".</summary>
    public string FormatNear(DateTime utc)
    {
        var local = ToClinic(utc);
        var today = ToClinic(UtcNow).Date;
        var day = (local.Date - today).Days switch
        {
            0 => "Today",
            1 => "Tomorrow",
            -1 => "Yesterday",
            _ when local.Year == today.Year => local.ToString("ddd d MMM", Words),
            _ => local.ToString("d MMM yyyy", Words),
        };
        return $"{day} {local.ToString("HH:mm", Words)}";
    }

    /// <summary>The value for a <c>datetime-local</c> input showing <paramref name="utc"/> in clinic time.</summary>
    public string ForInput(DateTime utc) => ToClinic(utc).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>Machine-readable UTC for a <c>time</c> element's datetime attribute.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a clinic-time value typed into a <c>datetime-local</c> input and converts it to UTC.</summary>
    public bool TryReadClinicTime(string input, out DateTime utc, out string? error)
    {
        utc = default;
        string[] formats = [InputFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (!DateTime.TryParseExact(input.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = "Enter the date and time like 2026-11-24 14:30.";
            return false;
        }

        if (Zone.IsInvalidTime(local))
        {
            error = "That time does not exist in the clinic's time zone because the clocks change then. Choose another time.";
            return false;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
        error = null;
        return true;
    }
}
