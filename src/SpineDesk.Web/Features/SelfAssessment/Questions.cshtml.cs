using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Questionnaires;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// One section of a questionnaire pack, rendered from the pack: Next checks the answers against the pack and
/// stores them; the last section completes the response and stores its scores in the same save. Back keeps what
/// was entered. The response stays with the pack version it was started in.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SelfAssessmentSetup.AnswersPolicy)]
public sealed partial class QuestionsModel(SpineDeskDbContext db, SelfAssessmentSession session, SelfAssessmentPacks packs, TimeProvider time)
    : SelfAssessmentPageModel(db, session, packs, time)
{
    public QuestionnaireForm Form { get; private set; } = null!;

    public FormSection Section { get; private set; } = null!;

    public FormAnswers Answers { get; private set; } = new();

    /// <summary>Messages by item linkId, shown beside each question.</summary>
    public Dictionary<string, string> ItemErrors { get; } = new(StringComparer.Ordinal);

    public bool IsLastSection => Step.Section == Form.Sections.Count;

    public string NextLabel => Flow.Next(Step)?.Id == SelfAssessmentFlow.Summary ? "Next: see your summary" : "Next";

    public async Task<IActionResult> OnGetAsync(string pack, int section, CancellationToken cancellationToken)
    {
        if (await LoadSectionAsync(pack, section, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        Answers = FormAnswers.FromJson(ResponseFor(Form)?.AnswersJson);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string pack, int section, string? move, CancellationToken cancellationToken)
    {
        if (await LoadSectionAsync(pack, section, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var goingBack = move == "back";
        var response = ResponseFor(Form);
        var before = FormAnswers.FromJson(response?.AnswersJson);
        Answers = FormAnswers.FromJson(response?.AnswersJson);
        foreach (var (linkId, message) in Answers.ReadSection(Section, name => Request.Form[name], requireAnswers: !goingBack))
        {
            ItemErrors[linkId] = message;
        }

        if (ItemErrors.Count > 0)
        {
            return ShowErrors();
        }

        var changed = !Answers.SameAs(before, Section.Questions);
        if (response is null && (changed || !goingBack))
        {
            response = new QuestionnaireResponse { PackId = Form.PackId, AnswersJson = "{}", Status = ResponseStatus.InProgress };
            Assessment!.Responses.Add(response);
        }

        if (response is not null)
        {
            response.AnswersJson = Answers.ToJson();
            response.AuthoredAt = Now;
            if (changed && response.Status == ResponseStatus.Completed)
            {
                // The scores no longer match the answers: the response is completed and scored again at its last page.
                response.Status = ResponseStatus.InProgress;
                await RemoveScoresAsync(response, cancellationToken);
            }
        }

        if (goingBack)
        {
            return await GoToAsync(Flow.Previous(Step)!, cancellationToken);
        }

        if (IsLastSection)
        {
            var scoring = ResponseScoring.Score(Form, Answers, Now);
            if (scoring.Refused)
            {
                return RefusedByScorer(scoring.RefusedLinkId);
            }

            await RemoveScoresAsync(response!, cancellationToken);
            response!.Status = ResponseStatus.Completed;
            response.Scores.AddRange(scoring.Observations);
        }

        return await GoToAsync(Flow.Next(Step)!, cancellationToken);
    }

    /// <summary>The id of an item's first input, where its error message links.</summary>
    public string TargetOf(FormItem item) => item.HasOptions ? IdOf(item) + "-0" : IdOf(item);

    /// <summary>An HTML id for an item, made only of safe characters.</summary>
    public static string IdOf(FormItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return "q-" + UnsafeIdCharacters().Replace(item.LinkId, "-");
    }

    private async Task<IActionResult?> LoadSectionAsync(string pack, int section, CancellationToken cancellationToken)
    {
        if (await LoadAsync(SelfAssessmentFlow.QuestionsId(pack, section), cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = Forms.Single(f => f.Key == pack);
        Section = Form.Sections[section - 1];
        return null;
    }

    private async Task RemoveScoresAsync(QuestionnaireResponse response, CancellationToken cancellationToken)
    {
        if (Db.Entry(response).State == EntityState.Added)
        {
            return;
        }

        await Db.Entry(response).Collection(r => r.Scores).LoadAsync(cancellationToken);
        Db.ScoreObservations.RemoveRange(response.Scores);
        response.Scores.Clear();
    }

    private PageResult ShowErrors()
    {
        foreach (var item in Section.Questions.Where(q => ItemErrors.ContainsKey(q.LinkId)))
        {
            // The summary names the question, since it is read away from it.
            var message = ItemErrors[item.LinkId];
            Errors[TargetOf(item)] = $"{item.ShortText(60).TrimEnd('.', '?', ':', '!')}: {char.ToLowerInvariant(message[0])}{message[1..]}";
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>
    /// The scorer refused answers the pack accepted: no pain rating at all where the pack makes each one optional,
    /// or a required answer left on an earlier page (reached by its address). Say which, on this page.
    /// </summary>
    private PageResult RefusedByScorer(string? linkId)
    {
        if (linkId is not null && Section.Questions.FirstOrDefault(q => q.LinkId == linkId) is { } here)
        {
            ItemErrors[here.LinkId] = "Please answer this question.";
            return ShowErrors();
        }

        var message = linkId is not null && Form.Find(linkId) is { } elsewhere
            ? $"A question on another page of this questionnaire needs an answer (“{elsewhere.ShortText(50)}”). Please go Back to answer it."
            : "Please answer at least one question.";
        if (Section.Questions.FirstOrDefault() is { } first)
        {
            ItemErrors[first.LinkId] = message;
            return ShowErrors();
        }

        Errors["main"] = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeIdCharacters();
}
