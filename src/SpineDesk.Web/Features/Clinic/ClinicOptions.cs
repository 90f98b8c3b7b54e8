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

    /// <summary>How soon the clinic aims to make first contact with a routine inquiry.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan FirstContactTarget { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How soon the clinic aims to make first contact with an urgent inquiry (same working day).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan UrgentFirstContactTarget { get; set; } = TimeSpan.FromHours(4);

    /// <summary>The public address of the site, used in emails and printed links, such as https://clinic.example.</summary>
    public string? PublicBaseUrl { get; set; }
}
