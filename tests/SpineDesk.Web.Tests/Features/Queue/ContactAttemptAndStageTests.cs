using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Queue;

/// <summary>Logging contact attempts and moving the pipeline stage from the inquiry page.</summary>
public abstract class ContactAttemptAndStageTests(TestDatabaseKind kind) : InquiryTest(kind)
{
    [Fact]
    public async Task The_first_contact_attempt_moves_a_new_inquiry_to_contacting_and_shows_in_the_timeline()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Urgent, Now.AddHours(-1));
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var nextLocal = TimeZoneInfo.ConvertTimeFromUtc(Now, NewYork).Date.AddDays(2).AddHours(9).AddMinutes(30);
        var nextUtc = TimeZoneInfo.ConvertTimeToUtc(nextLocal, NewYork);

        var response = await client.SubmitFormAsync(Url(id),
        [
            ("Attempt.Channel", "Phone"),
            ("Attempt.Outcome", "NoAnswer"),
            ("Attempt.Note", "Rang twice, no voicemail set up."),
            ("Attempt.NextAttempt", nextLocal.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)),
        ], "form#attempt-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inquiry = await ReloadAsync(id);
        Assert.Equal(PipelineStage.Contacting, inquiry.Stage);
        Assert.Equal(Now, inquiry.FirstContactAttemptAt);
        Assert.Equal(nextUtc, inquiry.NextAttemptAt);
        var attempt = Assert.Single(inquiry.ContactAttempts);
        Assert.Equal((ContactChannel.Phone, ContactOutcome.NoAnswer, me.Id), (attempt.Channel, attempt.Outcome, attempt.StaffUserId));
        Assert.Equal("Rang twice, no voicemail set up.", attempt.Note);
        Assert.Equal(nextUtc, attempt.NextAttemptAt);
        var change = Assert.Single(inquiry.StageChanges);
        Assert.Equal((PipelineStage.New, PipelineStage.Contacting, me.Id), (change.From, change.To, change.StaffUserId));

        var page = await client.GetDocumentAsync(Url(id));
        var timeline = page.QuerySelectorAll("ol.timeline > li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, timeline.Count);
        Assert.Contains("Phone call: No answer", timeline[1], StringComparison.Ordinal);
        Assert.Contains("Rang twice, no voicemail set up.", timeline[1], StringComparison.Ordinal);
        Assert.Contains(ClinicTime(nextUtc), timeline[1], StringComparison.Ordinal);
        Assert.Contains("Stage: New → Contacting", timeline[0], StringComparison.Ordinal); // newest first: the change the attempt caused
        Assert.Contains("Inquiry received", timeline[2], StringComparison.Ordinal);

        var audit = Assert.Single(await AuditAsync("inquiry.attempt"));
        Assert.Equal((me.Id, id.ToString(CultureInfo.InvariantCulture)), (audit.UserId, audit.EntityId));
        Assert.Equal("Phone call: No answer; New → Contacting", audit.Details);
        Assert.Equal(QueueTestData.RemoteAddress, audit.RemoteAddress);
    }

    [Fact]
    public async Task A_second_attempt_keeps_the_stage_and_the_first_attempt_time()
    {
        var first = Now.AddMinutes(-30);
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-3), PipelineStage.Contacting,
            firstContactAttemptAt: first, nextAttemptAt: Now.AddMinutes(-5));
        var (client, _) = await App.SignedInAsync(StaffRoles.Clinician);

        var response = await client.SubmitFormAsync(Url(id), [("Attempt.Channel", "TextMessage"), ("Attempt.Outcome", "MessageSent")], "form#attempt-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inquiry = await ReloadAsync(id);
        Assert.Equal(PipelineStage.Contacting, inquiry.Stage);
        Assert.Equal(first, inquiry.FirstContactAttemptAt);
        // Planned by the clinic's cadence (the cadence tests check when).
        Assert.True(inquiry.NextAttemptAt > Now, $"next attempt {inquiry.NextAttemptAt} should be planned after {Now}");
        Assert.Empty(inquiry.StageChanges);
        Assert.Equal("Text message: Message sent", Assert.Single(await AuditAsync("inquiry.attempt")).Details);
    }

    [Theory]
    [InlineData("Phone", "", "", "attempt-outcome", "Choose what happened.")]
    [InlineData("Carrier pigeon", "NoAnswer", "", "attempt-channel", "Choose how you tried to reach the person.")]
    [InlineData("Phone", "NoAnswer", "past", "attempt-next", "The next attempt must be in the future")]
    [InlineData("Phone", "NoAnswer", "next Tuesday", "attempt-next", "Enter the date and time like")]
    public async Task A_contact_attempt_with_a_problem_gets_a_field_message_and_stores_nothing(
        string channel, string outcome, string next, string field, string message)
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-1));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        if (next == "past")
        {
            next = TimeZoneInfo.ConvertTimeFromUtc(Now.AddMinutes(-10), NewYork).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }

        var response = await client.SubmitFormAsync(Url(id),
            [("Attempt.Channel", channel), ("Attempt.Outcome", outcome), ("Attempt.Note", "Kept note"), ("Attempt.NextAttempt", next)],
            "form#attempt-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.StartsWith(message, page.QuerySelector($"#{field}-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Equal("Kept note", ((IHtmlTextAreaElement)page.QuerySelector("#attempt-note")!).Value);
        var inquiry = await ReloadAsync(id);
        Assert.Equal(PipelineStage.New, inquiry.Stage);
        Assert.Empty(inquiry.ContactAttempts);
        Assert.Null(inquiry.FirstContactAttemptAt);
        Assert.Empty(await AuditAsync("inquiry.attempt"));
    }

    [Fact]
    public async Task A_legal_stage_move_is_saved_with_its_history()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-1), PipelineStage.Contacting);
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var page = await client.GetDocumentAsync(Url(id));
        var offered = page.QuerySelectorAll("#stage-to option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", "ConsultationScheduled", "Closed"], offered);

        var response = await client.SubmitFormAsync(Url(id), [("Move.To", "ConsultationScheduled")], "form#stage-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inquiry = await ReloadAsync(id);
        Assert.Equal(PipelineStage.ConsultationScheduled, inquiry.Stage);
        var change = Assert.Single(inquiry.StageChanges);
        Assert.Equal((PipelineStage.Contacting, PipelineStage.ConsultationScheduled, me.Id, Now), (change.From, change.To, change.StaffUserId, change.At));
        var audit = Assert.Single(await AuditAsync("inquiry.stage"));
        Assert.Equal("Contacting → Consultation scheduled", audit.Details);
        Assert.Equal(me.Id, audit.UserId);
        Assert.Contains("Stage: Contacting → Consultation scheduled", (await client.GetDocumentAsync(Url(id))).QuerySelector("ol.timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_needs_a_reason_and_then_leaves_the_queue()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-1));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var refused = await client.SubmitFormAsync(Url(id), [("Move.To", "Closed"), ("Move.Reason", "")], "form#stage-form");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Closing needs a reason.", (await Forms.ParseAsync(refused)).QuerySelector("#stage-reason-error")!.TextContent.Trim());
        Assert.Equal(PipelineStage.New, (await ReloadAsync(id)).Stage);

        var closed = await client.SubmitFormAsync(Url(id), [("Move.To", "Closed"), ("Move.Reason", "Declined")], "form#stage-form");

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var inquiry = await ReloadAsync(id);
        Assert.Equal((PipelineStage.Closed, ClosureReason.Declined), (inquiry.Stage, inquiry.ClosureReason));
        Assert.Equal("New → Closed (Declined)", Assert.Single(await AuditAsync("inquiry.stage")).Details);
        Assert.Null((await client.GetDocumentAsync("/staff/queue")).QuerySelector("table#queue"));
        Assert.Null((await client.GetDocumentAsync(Url(id))).QuerySelector("form#stage-form"));
    }

    [Fact]
    public async Task An_illegal_stage_move_is_a_clear_error_and_changes_nothing()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-1));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var before = await ReloadAsync(id);

        var response = await client.SubmitFormAsync(Url(id), [("Move.To", "Treated")], "form#stage-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var error = page.QuerySelector("#stage-to-error")!.TextContent.Trim();
        Assert.Equal("Cannot move from New to Treated. Allowed next stages: Contacting, Closed.", error);
        Assert.Contains(error, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var after = await ReloadAsync(id);
        Assert.Equal((PipelineStage.New, before.Version), (after.Stage, after.Version));
        Assert.Empty(after.StageChanges);
        Assert.Empty(await AuditAsync("inquiry.stage"));
    }
}

public sealed class ContactAttemptAndStageOnSqlite() : ContactAttemptAndStageTests(TestDatabaseKind.Sqlite);

public sealed class ContactAttemptAndStageOnPostgres() : ContactAttemptAndStageTests(TestDatabaseKind.Postgres);
