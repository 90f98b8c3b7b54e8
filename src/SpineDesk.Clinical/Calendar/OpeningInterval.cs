using System.Globalization;

namespace SpineDesk.Clinical.Calendar;

/// <summary>
/// One stretch of a day when the clinic is open, in the clinic's local time: open from <see cref="Opens"/>
/// (included) until <see cref="Closes"/> (excluded). An interval lies within one day; the clinic's configured
/// opening hours are the source. Opening past midnight is not supported: split it over two days.
/// </summary>
public readonly record struct OpeningInterval
{
    /// <summary>Creates an interval; <paramref name="opens"/> must be before <paramref name="closes"/>.</summary>
    /// <exception cref="ArgumentException">The interval is empty or runs backwards.</exception>
    public OpeningInterval(TimeOnly opens, TimeOnly closes)
    {
        if (opens >= closes)
        {
            throw new ArgumentException(
                $"Opening hours {Format(opens)}–{Format(closes)} are not valid: the opening time must be before the closing time, on the same day.",
                nameof(closes));
        }

        Opens = opens;
        Closes = closes;
    }

    /// <summary>The local time the clinic opens (included).</summary>
    public TimeOnly Opens { get; }

    /// <summary>The local time the clinic closes (excluded).</summary>
    public TimeOnly Closes { get; }

    /// <summary>Parses "08:00-12:30" (a hyphen or an en dash between the times, 24-hour clock).</summary>
    /// <exception cref="FormatException">The text is not two times separated by a dash.</exception>
    public static OpeningInterval Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', '–');
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0].Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            || !TimeOnly.TryParseExact(parts[1].Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes))
        {
            throw new FormatException($"\"{text}\" is not opening hours: write them as 08:00-12:30.");
        }

        try
        {
            return new OpeningInterval(opens, closes);
        }
        catch (ArgumentException error)
        {
            throw new FormatException(error.Message, error);
        }
    }

    /// <summary>True when the local <paramref name="time"/> lies in the interval.</summary>
    public bool Contains(TimeOnly time) => Opens <= time && time < Closes;

    /// <summary>"08:00–12:30".</summary>
    public override string ToString() => $"{Format(Opens)}–{Format(Closes)}";

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
