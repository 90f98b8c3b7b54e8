using System.Globalization;
using SpineDesk.Clinical.Instruments;
using ScoreObservation = SpineDesk.Data.Questionnaires.ScoreObservation;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>The outcome of scoring a response: its observations, or the item the scorer refused.</summary>
/// <param name="Observations">The score observations to store; empty when nothing was scored.</param>
/// <param name="RefusedLinkId">The item the scorer refused, when it refused one.</param>
/// <param name="Refused">True when the scorer refused the response.</param>
public sealed record ScoringResult(IReadOnlyList<ScoreObservation> Observations, bool Refused, string? RefusedLinkId);

/// <summary>
/// Scores a response with the clinical-library scorer its pack names, always with the pack version the person
/// answered: each answer's option score (its <c>ordinalValue</c>) is what the scorer reads.
/// </summary>
public static class ResponseScoring
{
    public static ScoringResult Score(QuestionnaireForm form, FormAnswers answers, DateTime effectiveAt)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        if (form.ScorerKey is null)
        {
            return new([], false, null);
        }

        var scorer = ScorerRegistry.Get(form.ScorerKey);
        var values = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var scored in scorer.Items)
        {
            var item = form.Find(scored.LinkId);
            var chosen = answers[scored.LinkId];
            if (item is not null && chosen.Count > 0)
            {
                values[scored.LinkId] = [.. chosen.Select(v => ScoreOf(form, item, v))];
            }
        }

        // A person may leave out a whole optional questionnaire (every Oswestry section is optional); that is
        // not scored rather than refused.
        if (values.Count == 0 && form.Questions.Where(q => scorer.Items.Any(s => s.LinkId == q.LinkId)).All(q => !q.Required))
        {
            return new([], false, null);
        }

        try
        {
            var score = scorer.Score(values);
            return new([.. score.Observations.Select(o => new ScoreObservation
            {
                System = o.System,
                Code = o.Code,
                Display = o.Display,
                Value = o.Value,
                Unit = o.Unit,
                Interpretation = o.Interpretation,
                Incomplete = o.Incomplete,
                EffectiveAt = effectiveAt,
            })], false, null);
        }
        catch (InstrumentAnswerException refused)
        {
            return new([], true, refused.LinkId);
        }
    }

    private static int ScoreOf(QuestionnaireForm form, FormItem item, string value) =>
        item.Option(value)?.Score
        ?? (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidOperationException(
                $"Pack {form.Key} {form.Version}: the answer \"{value}\" of scored item {item.LinkId} has no score."));
}
