using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical.PainDrawing;
using SpineDesk.Data;
using SpineDesk.Data.Questionnaires;
using SpineDesk.Web.Features.SelfAssessment;

namespace SpineDesk.Web.Features.Queue;

/// <summary>One question and the answer given, in words.</summary>
public sealed record AnsweredItem(string LinkId, string Question, string Answer);

/// <summary>One questionnaire as answered: the exact pack version, and each answer in words.</summary>
public sealed record AnsweredQuestionnaire(
    string Key,
    string Title,
    string Version,
    bool HasPlaceholderWording,
    bool IsScored,
    ResponseStatus Status,
    DateTime AuthoredAt,
    IReadOnlyList<AnsweredItem> Items);

/// <summary>The self-assessment that came with an inquiry, as the coordinators' inquiry page shows it.</summary>
public sealed record InquirySelfAssessment(
    DateTime StartedAt,
    DateTime? CompletedAt,
    ScoreSummary Scores,
    PainMap? Drawing,
    IReadOnlyList<AnsweredQuestionnaire> Questionnaires)
{
    /// <summary>Loads the self-assessment of an inquiry in three queries plus one for pack versions not yet
    /// cached; null when the inquiry came without one.</summary>
    public static async Task<InquirySelfAssessment?> LoadAsync(
        SpineDeskDbContext db, SelfAssessmentPacks packs, int inquiryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(packs);
        var assessment = await db.SelfAssessments.AsNoTracking()
            .Where(a => a.InquiryId == inquiryId)
            .OrderByDescending(a => a.CompletedAt)
            .Select(a => new { a.StartedAt, a.CompletedAt, a.PainRegions })
            .FirstOrDefaultAsync(cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var responses = await db.QuestionnaireResponses.AsNoTracking()
            .Where(r => r.InquiryId == inquiryId)
            .OrderBy(r => r.Id)
            .Select(r => new { r.PackId, r.AnswersJson, r.Status, r.AuthoredAt })
            .ToListAsync(cancellationToken);
        var scores = await db.ScoreObservations.AsNoTracking()
            .Where(s => s.InquiryId == inquiryId)
            .OrderBy(s => s.EffectiveAt).ThenBy(s => s.Id)
            .Select(s => new StoredScore(s.Code, s.Value, s.Interpretation, s.Incomplete))
            .ToListAsync(cancellationToken);
        var forms = await packs.ByIdsAsync([.. responses.Select(r => r.PackId).Distinct()], cancellationToken);

        var questionnaires = responses
            .Where(r => forms.ContainsKey(r.PackId))
            .Select(r =>
            {
                var form = forms[r.PackId];
                var answers = FormAnswers.FromJson(r.AnswersJson);
                var items = form.Questions
                    .Where(q => answers[q.LinkId].Count > 0)
                    .Select(q => new AnsweredItem(q.LinkId, q.Text, string.Join("; ", answers[q.LinkId].Select(v => q.Option(v)?.Label ?? v))))
                    .ToList();
                return new AnsweredQuestionnaire(form.Key, form.Title, form.Version, form.HasPlaceholderWording, form.ScorerKey is not null,
                    r.Status, r.AuthoredAt, items);
            })
            .ToList();

        PainMap? drawing = null;
        if (assessment.PainRegions is { } stored)
        {
            drawing = stored.Length == 0 ? PainMap.Empty : PainMap.FromCodes(stored.Split(','));
        }

        return new InquirySelfAssessment(assessment.StartedAt, assessment.CompletedAt, ScoreSummary.From(scores), drawing, questionnaires);
    }
}
