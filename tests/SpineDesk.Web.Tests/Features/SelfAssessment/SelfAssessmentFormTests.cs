using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data.Questionnaires;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.SelfAssessment;

public abstract class SelfAssessmentFormTests(TestDatabaseKind kind) : SelfAssessmentTest(kind)
{
    [Fact]
    public async Task A_page_is_rendered_from_its_pack_with_fieldsets_progress_and_end_labels()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();

        var page = await patient.Client.GetDocumentAsync(SelfAssessmentWalk.PainIntensity);

        Assert.Equal("How much it hurts", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.StartsWith("Step 2 of 11", page.QuerySelector(".progress-text")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector("progress")!.GetAttribute("value"));
        var back = page.QuerySelector("fieldset#q-back-pain-nrs")!;
        Assert.Equal("Pick a number for your back pain this week.", back.QuerySelector("legend")!.TextContent.Trim());
        Assert.Equal(11, back.QuerySelectorAll("input[type=radio][name='q-back-pain-nrs']").Length);
        Assert.Contains("0 means no pain at all. 10 means as bad as it could be.", back.QuerySelector(".hint")!.TextContent, StringComparison.Ordinal);
        var leg = page.QuerySelector("fieldset#q-leg-pain-nrs")!;
        Assert.Contains("(optional)", leg.QuerySelector("legend")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], leg.QuerySelectorAll("input").Select(i => i.GetAttribute("value")));
        Assert.Contains("no leg pain", leg.QuerySelector(".rating-ends")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".placeholder-notice"));
        Assert.Null(page.QuerySelector("[style]"));
        Assert.Null(page.QuerySelector("script:not([src])"));
        Assert.NotNull(page.QuerySelector("main form input[name=__RequestVerificationToken]"));
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Client.GetAsync(new Uri("/self-assessment/questions/odi-2.1a/3", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Client.GetAsync(new Uri("/self-assessment/questions/rmdq-24/1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_pack_with_placeholder_wording_says_so_on_screen()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();
        await patient.DrawingAsync();

        var page = await patient.Client.GetDocumentAsync(SelfAssessmentWalk.OdiPart1);

        Assert.Contains("the clinic has not imported the licensed wording", page.QuerySelector(".placeholder-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Daily activities (test structure), part 1 of 2", page.QuerySelector(".question-pack")!.TextContent.Trim());
        Assert.Equal("Test instructions: pick the statement that fits you best.", page.QuerySelector(".question-display")!.TextContent.Trim());
        Assert.Equal(6, page.QuerySelectorAll("fieldset#q-odi-1 input[type=radio]").Length);
    }

    [Fact]
    public async Task A_missing_required_answer_is_named_and_nothing_entered_is_lost()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();

        var response = await patient.Client.SubmitFormAsync(SelfAssessmentWalk.PainIntensity, [("q-leg-pain-nrs", "4")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var link = page.QuerySelector(".error-summary a")!;
        Assert.Equal("#q-back-pain-nrs-0", link.GetAttribute("href"));
        Assert.Equal("Pick a number for your back pain this week: choose a number.", link.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#q-back-pain-nrs-0"));
        Assert.Equal("Choose a number.", page.QuerySelector("fieldset#q-back-pain-nrs .field-error")!.TextContent.Trim());
        Assert.Equal("q-back-pain-nrs-error", page.QuerySelector("fieldset#q-back-pain-nrs")!.GetAttribute("aria-describedby")!.Split(' ')[^1]);
        Assert.Equal("4", page.QuerySelector("input[name='q-leg-pain-nrs']:checked")!.GetAttribute("value"));
        Assert.Equal(0, await App.WithDbAsync(db => db.QuestionnaireResponses.CountAsync()));
    }

    [Fact]
    public async Task An_answer_that_is_not_one_of_the_options_is_refused_and_typed_text_is_kept()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();
        await patient.DrawingAsync();
        await patient.OdiAsync(SelfAssessmentWalk.Odi36);
        await patient.StartBackAsync([0, 0, 0, 0, 0, 0, 0, 0], 0);
        await patient.StepAsync(SelfAssessmentWalk.HistoryPart1, SelfAssessmentWalk.HistoryPart2, ("q-pain-duration", "short"));

        var response = await patient.Client.SubmitFormAsync(SelfAssessmentWalk.HistoryPart2,
            [("q-treatments-tried", "medication"), ("q-treatments-tried", "crystals"), ("q-goals", "Play with my grandchildren"), ("q-treatments-other", new string('x', 201))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var messages = page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("What have you tried for it: the answer sent is not one of the choices", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("If something else, what: your answer is 201 characters long", StringComparison.Ordinal));
        Assert.Equal("Play with my grandchildren", page.QuerySelector("textarea[name='q-goals']")!.TextContent);
        Assert.Equal(new string('x', 201), page.QuerySelector("input[name='q-treatments-other']")!.GetAttribute("value"));
        Assert.Equal(["medication"], page.QuerySelectorAll("input[name='q-treatments-tried']:checked").Select(i => i.GetAttribute("value")));
        var stored = await App.WithDbAsync(db => db.QuestionnaireResponses.Include(r => r.Pack).SingleAsync(r => r.Pack!.Key == "pain-history"));
        Assert.DoesNotContain("crystals", stored.AnswersJson, StringComparison.Ordinal);
        Assert.DoesNotContain("grandchildren", stored.AnswersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_answer_left_on_another_page_stops_the_questionnaire_from_completing()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();
        await patient.DrawingAsync();
        await patient.OdiAsync(SelfAssessmentWalk.Odi36);

        // The second page of STarT Back, reached by its address with the first page unanswered.
        var response = await patient.Client.SubmitFormAsync(SelfAssessmentWalk.StartBackPart2, [("q-startback-9", "2")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("A question on another page of this questionnaire needs an answer (“Test risk statement 1”)",
            page.QuerySelector("fieldset#q-startback-9 .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector("input[name='q-startback-9']:checked")!.GetAttribute("value"));
        Assert.Equal(0, await App.WithDbAsync(db => db.ScoreObservations.CountAsync(s => s.Code == "91351-7")));
    }

    [Fact]
    public async Task Back_keeps_the_answers_of_both_pages()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();
        await patient.DrawingAsync("foot-right", "other");
        await patient.StepAsync(SelfAssessmentWalk.OdiPart1, SelfAssessmentWalk.OdiPart2, ("q-odi-1", "4"), ("q-odi-3", "0"));

        // Back from a half-answered page: no required check, what was ticked is kept.
        await patient.StepAsync(SelfAssessmentWalk.OdiPart2, SelfAssessmentWalk.OdiPart1, ("q-odi-7", "5"), ("move", "back"));
        var part1 = await patient.Client.GetDocumentAsync(SelfAssessmentWalk.OdiPart1);
        Assert.Equal("4", Checked(part1, "q-odi-1"));
        Assert.Equal("0", Checked(part1, "q-odi-3"));
        Assert.Null(Checked(part1, "q-odi-2"));
        await patient.StepAsync(SelfAssessmentWalk.OdiPart1, SelfAssessmentWalk.PainDrawing, ("move", "back"));
        var drawing = await patient.Client.GetDocumentAsync(SelfAssessmentWalk.PainDrawing);
        Assert.Equal(["foot-right", "other"], drawing.QuerySelectorAll("input[name=regions]:checked").Select(i => i.GetAttribute("value")));

        var part2 = await patient.Client.GetDocumentAsync(SelfAssessmentWalk.OdiPart2);
        Assert.Equal("5", Checked(part2, "q-odi-7"));
        var start = await patient.Client.GetDocumentAsync("/self-assessment");
        Assert.Equal(SelfAssessmentWalk.PainDrawing, start.QuerySelector("main a.button")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Changing_a_scored_answer_after_going_back_scores_the_response_again()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();
        await patient.DrawingAsync();
        await patient.OdiAsync(SelfAssessmentWalk.Odi36);
        await patient.StepAsync(SelfAssessmentWalk.StartBackPart1, SelfAssessmentWalk.OdiPart2, ("move", "back"));

        // One more point in section 10: 19 of 50 points.
        await patient.StepAsync(SelfAssessmentWalk.OdiPart2, SelfAssessmentWalk.OdiPart1, ("q-odi-10", "3"), ("move", "back"));
        var reopened = await App.WithDbAsync(db => db.QuestionnaireResponses.Include(r => r.Scores).SingleAsync(r => r.Pack!.Key == "odi-2.1a"));
        Assert.Equal(ResponseStatus.InProgress, reopened.Status);
        Assert.Empty(reopened.Scores);
        await patient.StepAsync(SelfAssessmentWalk.OdiPart1, SelfAssessmentWalk.OdiPart2);
        await patient.StepAsync(SelfAssessmentWalk.OdiPart2, SelfAssessmentWalk.StartBackPart1);

        var odi = await App.WithDbAsync(db => db.ScoreObservations.SingleAsync(s => s.Code == "97909-6"));
        Assert.Equal(38m, odi.Value);
    }

    [Fact]
    public async Task Pain_drawing_codes_are_stored_and_an_unknown_one_is_refused()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();

        var refused = await patient.Client.SubmitFormAsync(SelfAssessmentWalk.PainDrawing, [("regions", "thigh-right"), ("regions", "elbow")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Contains("not recognised", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["thigh-right"], page.QuerySelectorAll("input[name=regions]:checked").Select(i => i.GetAttribute("value")));

        await patient.DrawingAsync("foot-left", "low-back-right", "foot-left");

        var stored = await App.WithDbAsync(db => db.SelfAssessments.SingleAsync());
        Assert.Equal("low-back-right,foot-left", stored.PainRegions);
    }

    [Fact]
    public async Task The_pain_drawing_links_every_region_of_the_diagram_to_a_labelled_checkbox()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();

        var page = await patient.Client.GetDocumentAsync(SelfAssessmentWalk.PainDrawing);

        var boxes = page.QuerySelectorAll("input[type=checkbox][name=regions]");
        Assert.Equal(13, boxes.Length);
        foreach (var box in boxes)
        {
            Assert.NotNull(page.QuerySelector($"label[for='{box.Id}']:not(.pain-layer)"));
            Assert.NotNull(page.QuerySelector($".pain-figure label.pain-layer[for='{box.Id}'] svg .region"));
        }

        Assert.Equal("true", page.QuerySelector(".pain-figure")!.GetAttribute("aria-hidden"));
        Assert.Equal(4, page.QuerySelectorAll(".pain-regions fieldset legend").Length);
    }

    [Fact]
    public async Task Later_pages_need_the_safety_questions_answered_first()
    {
        var client = App.CreateBrowser();
        // A self-assessment exists (the cookie is set) only once the safety page is sent; before that, every later page
        // sends the person to the start.
        var response = await client.GetAsync(new Uri(SelfAssessmentWalk.Summary, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/self-assessment?resume=none", response.Headers.Location!.OriginalString);
    }

    private static string? Checked(IDocument page, string name) =>
        page.QuerySelector($"input[name='{name}']:checked")?.GetAttribute("value");
}

public sealed class SelfAssessmentFormOnSqlite() : SelfAssessmentFormTests(TestDatabaseKind.Sqlite);

public sealed class SelfAssessmentFormOnPostgres() : SelfAssessmentFormTests(TestDatabaseKind.Postgres);
