using System.Globalization;

namespace SpineDesk.Web.Features.Queue;

/// <summary>How long a person has waited, in the words a coordinator reads at a glance.</summary>
public static class WaitingTime
{
    /// <summary>"under 1 min", "45 min", "3 h 20 min", "1 day 4 h", "12 days".</summary>
    public static string Describe(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "under 1 min";
        }

        var days = (int)span.TotalDays;
        var hours = span.Hours;
        var minutes = span.Minutes;
        if (days > 0)
        {
            var dayText = days == 1 ? "1 day" : $"{N(days)} days";
            return hours == 0 || days >= 7 ? dayText : $"{dayText} {N(hours)} h";
        }

        if (hours > 0)
        {
            return minutes == 0 ? $"{N(hours)} h" : $"{N(hours)} h {N(minutes)} min";
        }

        return $"{N(minutes)} min";
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
