using System.Globalization;
using SpineDesk.Clinical.Cadence;
using SpineDesk.Clinical.Calendar;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Cadence;

/// <summary>
/// Reads the configured business calendar and cadence policy into the clinical library's types. Every problem
/// is reported with the setting's name and what to write instead, so a clinic can fix its configuration.
/// </summary>
public static class CadenceSettings
{
    public const string SameWorkingDay = "same working day";

    /// <summary>Written instead of the hours of a weekday the clinic is closed.</summary>
    public const string Closed = "closed";

    /// <summary>The clinic's business calendar, or the problems with its configuration.</summary>
    public static BusinessCalendar? ReadCalendar(ClinicOptions clinic, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var days = new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>();
        foreach (var (day, intervals) in clinic.BusinessHours)
        {
            // "closed" closes a day that a configuration layer below (appsettings.json) opened.
            days[day] = [.. intervals
                .Where(text => !string.Equals(text?.Trim(), Closed, StringComparison.OrdinalIgnoreCase))
                .Select(text => ReadInterval(text, $"Clinic:BusinessHours:{day}", errors))
                .OfType<OpeningInterval>()];
        }

        if (clinic.BusinessHours.Count == 0)
        {
            errors.Add("Clinic:BusinessHours is empty: give the opening hours per weekday, such as \"Monday\": [\"08:00-18:00\"].");
        }

        var holidays = new List<ClinicHoliday>();
        for (var i = 0; i < clinic.Holidays.Count; i++)
        {
            var holiday = clinic.Holidays[i];
            var name = $"Clinic:Holidays:{i}";
            if (!DateOnly.TryParseExact(holiday.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"{name}:Date \"{holiday.Date}\" is not a date: write it like 2026-12-25.");
                continue;
            }

            var label = string.IsNullOrWhiteSpace(holiday.Name) ? "Holiday" : holiday.Name.Trim();
            OpeningInterval[] hours = [.. holiday.Hours.Select(text => ReadInterval(text, $"{name}:Hours", errors)).OfType<OpeningInterval>()];
            try
            {
                holidays.Add(hours.Length == 0 ? ClinicHoliday.Closed(date, label) : ClinicHoliday.ShortDay(date, label, hours));
            }
            catch (ArgumentException e)
            {
                errors.Add($"{name} ({date:yyyy-MM-dd}): {e.Message}");
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            return new BusinessCalendar(clinic.TimeZone, new WeeklyOpeningHours(days), holidays);
        }
        catch (ArgumentException e)
        {
            errors.Add($"Clinic:BusinessHours, Clinic:Holidays or Clinic:TimeZone: {e.Message}");
            return null;
        }
    }

    /// <summary>The clinic's contact cadence policy, or the problems with its configuration.</summary>
    public static ContactCadencePolicy? ReadPolicy(CadenceOptions options, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        TimeOnly? cutoff = null;
        if (!string.IsNullOrWhiteSpace(options.SameDayCutoff))
        {
            if (TimeOnly.TryParseExact(options.SameDayCutoff.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                cutoff = time;
            }
            else
            {
                errors.Add($"Cadence:SameDayCutoff \"{options.SameDayCutoff}\" is not a time: write it like 16:00, or leave it empty.");
            }
        }

        var emergency = ReadTarget(options.EmergencyFirstContactTarget, nameof(options.EmergencyFirstContactTarget), cutoff, errors);
        var urgent = ReadTarget(options.UrgentFirstContactTarget, nameof(options.UrgentFirstContactTarget), cutoff, errors);
        var routine = ReadTarget(options.RoutineFirstContactTarget, nameof(options.RoutineFirstContactTarget), cutoff, errors);
        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"Cadence:PollInterval {options.PollInterval} is out of range: between 00:00:01 and 01:00:00.");
        }

        if (errors.Count > before || emergency is null || urgent is null || routine is null)
        {
            return null;
        }

        var policy = new ContactCadencePolicy
        {
            EmergencyTarget = emergency,
            UrgentTarget = urgent,
            RoutineTarget = routine,
            RetryAfterBusinessDays = options.RetryAfterBusinessDays.Count == 0
                ? ContactCadencePolicy.Default.RetryAfterBusinessDays
                : [.. options.RetryAfterBusinessDays],
            MaxUnansweredAttempts = options.MaxUnansweredAttempts,
            CountOneUnansweredAttemptPerDay = options.CountOneUnansweredAttemptPerDay,
            BusinessDaysBeforeClosing = options.BusinessDaysBeforeClosing,
            CloseOnWrongNumber = options.CloseOnWrongNumber,
        };
        try
        {
            policy.Validate();
            return policy;
        }
        catch (ArgumentException e)
        {
            errors.Add($"Cadence: {e.Message}");
            return null;
        }
    }

    private static FirstContactTarget? ReadTarget(string? text, string setting, TimeOnly? cutoff, List<string> errors)
    {
        var value = text?.Trim() ?? "";
        if (value.Equals(SameWorkingDay, StringComparison.OrdinalIgnoreCase))
        {
            return FirstContactTarget.SameBusinessDay(cutoff);
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero && span <= TimeSpan.FromDays(30))
        {
            return FirstContactTarget.WithinBusinessTime(span);
        }

        errors.Add($"Cadence:{setting} \"{text}\" is not a target: write \"{SameWorkingDay}\" or working time such as 08:00:00 (8 working hours).");
        return null;
    }

    private static OpeningInterval? ReadInterval(string? text, string setting, List<string> errors)
    {
        try
        {
            return OpeningInterval.Parse(text ?? "");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            errors.Add($"{setting}: \"{text}\" is not an opening interval: write it like 08:00-12:30 ({e.Message}).");
            return null;
        }
    }
}
