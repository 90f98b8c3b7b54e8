namespace SpineDesk.Web.Features.Team;

/// <summary>
/// Percentiles by the nearest-rank definition: the p-th percentile of n sorted values is the value at rank
/// ⌈p/100 × n⌉ (1-based). It is always one of the observed values, so "90% of people were contacted within
/// this time" reads literally. For 1, 2, 3, 4, 10 hours: median (p50) = rank 3 = 3 h, p90 = rank 5 = 10 h.
/// </summary>
public static class Percentiles
{
    public static TimeSpan? NearestRank(IReadOnlyList<TimeSpan> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
