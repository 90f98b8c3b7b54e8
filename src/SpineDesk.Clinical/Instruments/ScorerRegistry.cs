using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace SpineDesk.Clinical.Instruments;

/// <summary>
/// Every scorer SpineDesk has, by the key a questionnaire pack names: <c>nrs-0-10</c> (<see cref="NrsScorer"/>),
/// <c>global-change-7</c> (<see cref="GlobalChangeScorer"/>), <c>rmdq-24</c> (<see cref="RmdqScorer"/>),
/// <c>odi-2.1a</c> (<see cref="OdiScorer"/>) and <c>startback-9</c> (<see cref="StartBackScorer"/>). Keys are
/// compared exactly (ordinal); a key, once shipped, keeps its meaning, because stored responses are scored again
/// with the scorer their pack names.
/// </summary>
public static class ScorerRegistry
{
    private static readonly FrozenDictionary<string, IInstrumentScorer> ByKey = new IInstrumentScorer[]
    {
        new NrsScorer(),
        new GlobalChangeScorer(),
        new RmdqScorer(),
        new OdiScorer(),
        new StartBackScorer(),
    }.ToFrozenDictionary(s => s.Key, StringComparer.Ordinal);

    /// <summary>Every scorer, in key order.</summary>
    public static IReadOnlyList<IInstrumentScorer> All { get; } = [.. ByKey.Values.OrderBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary>Finds the scorer a pack names.</summary>
    /// <returns>False when no scorer has that key.</returns>
    public static bool TryGet(string key, [NotNullWhen(true)] out IInstrumentScorer? scorer) =>
        ByKey.TryGetValue(key, out scorer);

    /// <summary>The scorer with the key a pack names.</summary>
    /// <exception cref="KeyNotFoundException">No scorer has that key; the message lists the known keys.</exception>
    public static IInstrumentScorer Get(string key) =>
        TryGet(key, out var scorer)
            ? scorer
            : throw new KeyNotFoundException(
                $"No scorer is called \"{key}\". Known scorers: {string.Join(", ", All.Select(s => s.Key))}.");
}
