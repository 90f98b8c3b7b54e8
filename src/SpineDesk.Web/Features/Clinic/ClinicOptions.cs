using System.ComponentModel.DataAnnotations;

namespace SpineDesk.Web.Features.Clinic;

/// <summary>Who the clinic is: everything that makes this installation the clinic's own.</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    [Required]
    public string Name { get; set; } = "SpineDesk Back Pain Clinic";

    /// <summary>A path under wwwroot or an absolute URL; empty for none.</summary>
    public string? LogoPath { get; set; }

    /// <summary>The primary colour as #rrggbb.</summary>
    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string PrimaryColour { get; set; } = "#1f5f8b";

    /// <summary>Text colour on the primary colour as #rrggbb.</summary>
    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string PrimaryContrastColour { get; set; } = "#ffffff";

    [Required]
    public string Phone { get; set; } = "+1 555 010 0000";

    public string? Email { get; set; }

    public string Address { get; set; } = "";

    /// <summary>Opening hours, one line per entry, for example "Monday–Friday 8:00–18:00".</summary>
    public List<string> OpeningHours { get; set; } = [];

    /// <summary>The number to call in an emergency where the clinic is, such as 911, 999 or 112.</summary>
    [Required]
    public string EmergencyNumber { get; set; } = "911";

    /// <summary>The region used to read phone numbers written without a country code (ISO 3166 alpha-2).</summary>
    [Required, RegularExpression("^[A-Z]{2}$")]
    public string DefaultPhoneRegion { get; set; } = "US";

    /// <summary>IANA time zone of the clinic.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>
    /// The clinic's working hours per weekday in its time zone, such as "Monday": ["08:00-12:30", "13:30-18:00"];
    /// a day left out, or given as ["closed"], is closed. The contact cadence counts first-contact targets and retry gaps in these hours.
    /// </summary>
    public Dictionary<DayOfWeek, List<string>> BusinessHours { get; set; } = [];

    /// <summary>Dates the usual hours do not apply: closed all day, or open only for the hours given.</summary>
    public List<ClinicHolidayOptions> Holidays { get; set; } = [];

    /// <summary>The public address of the site, used in emails and printed links, such as https://clinic.example.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>A holiday or short day as configured: "Date": "2026-12-25", "Name": "Christmas Day", "Hours": [] for closed.</summary>
public sealed class ClinicHolidayOptions
{
    public string? Date { get; set; }

    public string? Name { get; set; }

    /// <summary>The hours open that day, such as ["09:00-12:00"]; empty when closed all day.</summary>
    public List<string> Hours { get; set; } = [];
}
