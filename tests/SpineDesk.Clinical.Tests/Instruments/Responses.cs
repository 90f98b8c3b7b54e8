namespace SpineDesk.Clinical.Tests.Instruments;

/// <summary>Builds answer dictionaries the way the web layer passes them.</summary>
internal static class Responses
{
    /// <summary>
    /// One answer per numbered item from a compact string: "2,1,-,3" answers prefix1 = 2, prefix2 = 1, leaves
    /// prefix3 unanswered and answers prefix4 = 3; "2+4" ticks two boxes.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<int>> Numbered(string prefix, string answers)
    {
        var result = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        var parts = answers.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] != "-")
            {
                result[$"{prefix}{i + 1}"] = [.. parts[i].Split('+').Select(int.Parse)];
            }
        }

        return result;
    }

    /// <summary>Answers given by linkId.</summary>
    public static Dictionary<string, IReadOnlyList<int>> Of(params (string LinkId, int[] Values)[] answers) =>
        answers.ToDictionary(a => a.LinkId, a => (IReadOnlyList<int>)a.Values, StringComparer.Ordinal);
}
