using System.Net;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Questionnaires;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.SelfAssessment;

public abstract class SelfAssessmentFlowTests(TestDatabaseKind kind) : SelfAssessmentTest(kind)
{
    [Fact]
    public async Task A_possible_emergency_shows_the_emergency_advice_first_and_still_takes_contact_details()
    {
        var patient = NewPatient();

        await patient.StepAsync(SelfAssessmentWalk.Safety, "/self-assessment/emergency", ("redFlags", nameof(RedFlagSign.SaddleNumbness)));

        var page = await patient.Client.GetDocumentAsync("/self-assessment/emergency");
        Assert.Equal("Go to an emergency department now", page.QuerySelector("main h1, main h2")!.TextContent.Trim());
        Assert.Same(page.QuerySelector("main h1"), page.QuerySelector("main h1, main h2"));
        Assert.NotNull(page.QuerySelector("main a[href='/self-assessment/contact']"));
        var contact = await patient.Client.GetDocumentAsync(SelfAssessmentWalk.Contact);
        Assert.Equal("Go to an emergency department now", contact.QuerySelector("main h1, main h2")!.TextContent.Trim());

        var sent = await patient.ContactAsync();

        Assert.StartsWith("/emergency?reference=SD-", sent, StringComparison.Ordinal);
        var (inquiry, assessment) = await App.WithDbAsync(async db =>
            (await db.Inquiries.SingleAsync(), await db.SelfAssessments.SingleAsync()));
        Assert.Equal(Urgency.Emergency, inquiry.Urgency);
        Assert.Equal([RedFlagSign.SaddleNumbness], inquiry.RedFlags);
        Assert.Equal(inquiry.Id, assessment.InquiryId);
        Assert.Equal(Now, assessment.CompletedAt);
    }

    [Fact]
    public async Task The_whole_self_assessment_makes_an_inquiry_with_its_responses_and_scores()
    {
        var patient = NewPatient();

        var sent = await patient.CompleteAsync(redFlags: nameof(RedFlagSign.Osteoporosis));

        Assert.StartsWith("/contact/received?reference=SD-", sent, StringComparison.Ordinal);
        var inquiry = await App.WithDbAsync(db => db.Inquiries.SingleAsync());
        Assert.Equal(Urgency.Urgent, inquiry.Urgency);
        Assert.Equal([RedFlagSign.Osteoporosis], inquiry.RedFlags);
        Assert.Equal("Maria Lopez", inquiry.Name);

        var assessment = await App.WithDbAsync(db => db.SelfAssessments.SingleAsync());
        Assert.Equal(inquiry.Id, assessment.InquiryId);
        Assert.Equal("low-back-centre,buttock-left,thigh-left,lower-leg-left", assessment.PainRegions);

        var responses = await App.WithDbAsync(db => db.QuestionnaireResponses.Include(r => r.Pack).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["pain-intensity", "odi-2.1a", "startback-9", "pain-history"], responses.Select(r => r.Pack!.Key));
        Assert.All(responses, r =>
        {
            Assert.Equal(TestPacks.Version, r.Pack!.Version);
            Assert.Equal(ResponseStatus.Completed, r.Status);
            Assert.Equal(inquiry.Id, r.InquiryId);
            Assert.Equal(assessment.Id, r.SelfAssessmentId);
        });
        Assert.Contains("\"odi-9\":[\"3\"]", responses[1].AnswersJson, StringComparison.Ordinal);
        Assert.Contains("\"goals\":[\"Walk the dog again without stopping\"]", responses[3].AnswersJson, StringComparison.Ordinal);

        var scores = await App.WithDbAsync(db => db.ScoreObservations.OrderBy(s => s.Id).ToListAsync());
        Assert.All(scores, s =>
        {
            Assert.Equal(inquiry.Id, s.InquiryId);
            Assert.Equal(Now, s.EffectiveAt);
        });
        var byCode = scores.ToDictionary(s => s.Code);
        Assert.Equal(6m, byCode["back-pain-nrs"].Value);
        Assert.Equal(3m, byCode["leg-pain-nrs"].Value);
        Assert.Equal(responses[0].Id, byCode["back-pain-nrs"].ResponseId);
        var odi = byCode["97909-6"];
        Assert.Equal((36m, "%", "moderate", false), (odi.Value, odi.Unit, odi.Interpretation, odi.Incomplete));
        Assert.Equal("http://loinc.org", odi.System);
        Assert.Equal(responses[1].Id, odi.ResponseId);
        Assert.Equal(9m, byCode["91351-7"].Value);
        Assert.Equal(5m, byCode["91350-9"].Value);
        Assert.Equal((3m, "high"), (byCode["91352-5"].Value, byCode["91352-5"].Interpretation));
        Assert.Equal(6, scores.Count);
    }

    [Fact]
    public async Task The_summary_explains_the_scores_in_plain_words()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync(back: 7, leg: 2);
        await patient.DrawingAsync("lower-leg-right");
        await patient.OdiAsync(SelfAssessmentWalk.Odi36);
        await patient.StartBackAsync([1, 1, 1, 1, 0, 0, 0, 0], 0);
        await patient.HistoryAsync();

        var summary = await patient.Client.GetDocumentAsync(SelfAssessmentWalk.Summary);

        Assert.Contains("7 out of 10", summary.QuerySelector("#summary-back-pain")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("severe pain", summary.QuerySelector("#summary-back-pain")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("mild pain", summary.QuerySelector("#summary-leg-pain")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("36 out of 100", summary.QuerySelector("#summary-odi")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Scores from 21 to 40", summary.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // Items 1–4 only: 4/0, medium risk (DESIGN.md §4.1).
        Assert.Contains("medium risk", summary.QuerySelector("#summary-startback")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("below the knee", summary.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", summary.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("placeholder text", summary.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Step 10 of 11", summary.QuerySelector(".progress-text")!.TextContent.Split(':')[0].Trim());
    }

    [Fact]
    public async Task The_same_browser_session_resumes_where_it_left_off_and_another_browser_does_not()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync(back: 8, leg: null);

        var start = await patient.Client.GetDocumentAsync("/self-assessment");

        Assert.Equal(SelfAssessmentWalk.PainDrawing, start.QuerySelector("main a.button")!.GetAttribute("href"));
        Assert.Contains("Continue where you left off", start.QuerySelector("main a.button")!.TextContent, StringComparison.Ordinal);
        var pain = await patient.Client.GetDocumentAsync(SelfAssessmentWalk.PainIntensity);
        Assert.Equal("8", pain.QuerySelector("input[name='q-back-pain-nrs']:checked")!.GetAttribute("value"));
        Assert.Null(pain.QuerySelector("input[name='q-leg-pain-nrs']:checked"));

        var stranger = App.CreateBrowser();
        var elsewhere = await stranger.GetAsync(new Uri(SelfAssessmentWalk.PainIntensity, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/self-assessment?resume=none", elsewhere.Headers.Location!.OriginalString);
        var strangerStart = await stranger.GetDocumentAsync("/self-assessment?resume=none");
        Assert.Equal("/self-assessment/safety", strangerStart.QuerySelector("main a.button")!.GetAttribute("href"));

        // Only the hash of the browser's token is stored.
        var stored = await App.WithDbAsync(db => db.SelfAssessments.SingleAsync());
        Assert.Matches("^[0-9a-f]{64}$", stored.TokenHash);
        Assert.Equal("pain-drawing", stored.CurrentStep);
    }

    [Fact]
    public async Task The_cookie_is_http_only_same_site_lax_and_a_session_cookie()
    {
        var client = App.CreateBrowser();

        var response = await client.SubmitFormAsync(SelfAssessmentWalk.Safety, []);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SpineDesk.SelfAssessment=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/self-assessment", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);
        var token = cookie.Split(';')[0]["SpineDesk.SelfAssessment=".Length..];
        var stored = await App.WithDbAsync(db => db.SelfAssessments.SingleAsync());
        Assert.NotEqual(token, stored.TokenHash);
    }

    [Fact]
    public async Task Answers_left_longer_than_the_resume_window_are_not_resumed()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();

        Time.Advance(TimeSpan.FromHours(13));

        var response = await patient.Client.GetAsync(new Uri(SelfAssessmentWalk.PainIntensity, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/self-assessment?resume=none", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Starting_again_deletes_the_unsent_answers()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();

        var restart = await patient.Client.SubmitFormAsync("/self-assessment", [], "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, restart.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.SelfAssessments.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.QuestionnaireResponses.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.ScoreObservations.CountAsync()));
    }

    [Fact]
    public async Task A_response_keeps_the_pack_version_it_was_started_in()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();
        // The clinic imports new versions while the person is answering.
        var (newPain, newOdi) = await App.WithDbAsync(async db =>
            (await TestPacks.InsertAsync(db, "pain-intensity", "test-2", "How much it hurts", "nrs-0-10", false, TestPacks.PainIntensity("test-2")),
             await TestPacks.InsertAsync(db, "odi-2.1a", "test-2", "Daily activities", "odi-2.1a", true, TestPacks.Odi("test-2"))));

        await patient.StepAsync(SelfAssessmentWalk.PainIntensity, SelfAssessmentWalk.PainDrawing, ("q-back-pain-nrs", "5"));
        await patient.DrawingAsync();
        await patient.OdiAsync(SelfAssessmentWalk.Odi36);

        var responses = await App.WithDbAsync(db => db.QuestionnaireResponses.Include(r => r.Pack).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(("pain-intensity", TestPacks.Version), (responses[0].Pack!.Key, responses[0].Pack!.Version));
        Assert.NotEqual(newPain, responses[0].PackId);
        Assert.Equal(newOdi, responses[1].PackId);
    }
}

public sealed class SelfAssessmentFlowOnSqlite() : SelfAssessmentFlowTests(TestDatabaseKind.Sqlite);

public sealed class SelfAssessmentFlowOnPostgres() : SelfAssessmentFlowTests(TestDatabaseKind.Postgres);
