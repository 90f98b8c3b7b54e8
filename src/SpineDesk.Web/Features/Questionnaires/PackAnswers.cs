using System.Globalization;
using System.Text.Json;
using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>The answers to the items a scorer reads, as whole numbers, or why they cannot be scored.</summary>
public sealed record ScorerInput(IReadOnlyDictionary<string, IReadOnlyList<int>> Answers, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// A response's answers as stored in <c>QuestionnaireResponse.AnswersJson</c>: an
/// object mapping each linkId to the list of answer values chosen (strings).
/// </summary>
public static class PackAnswers
{
    public static Dictionary<string, List<string>> Parse(string answersJson)
    {
        ArgumentNullException.ThrowIfNull(answersJson);
        return JsonSerializer.Deserialize<Dictionary<string, List<string>>>(answersJson) ?? [];
    }

    public static string Serialize(IReadOnlyDictionary<string, List<string>> answers) => JsonSerializer.Serialize(answers);

    /// <summary>
    /// The answers to the items the pack's scorer reads, checked against the options of this exact pack version
    /// and turned into the whole numbers the scorer takes. An item without an answer gets an empty list.
    /// </summary>
    public static ScorerInput ForScorer(LoadedPack pack, IReadOnlyDictionary<string, List<string>> answers)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(answers);
        if (pack.ScorerKey is null || !ScorerRegistry.TryGet(pack.ScorerKey, out var scorer))
        {
            return new ScorerInput(new Dictionary<string, IReadOnlyList<int>>(), [$"The pack {pack.Key} version {pack.Version} has no scorer SpineDesk knows."]);
        }

        var errors = new List<string>();
        var result = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var shape in scorer.Items)
        {
            var allowed = pack.Options(shape.LinkId).Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
            var values = new List<int>();
            foreach (var value in answers.GetValueOrDefault(shape.LinkId) ?? [])
            {
                if (allowed.Contains(value) && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    values.Add(number);
                }
                else
                {
                    errors.Add($"Item \"{shape.LinkId}\": \"{value}\" is not an answer of {pack.Key} version {pack.Version}.");
                }
            }

            result[shape.LinkId] = values;
        }

        return new ScorerInput(result, errors);
    }
}
