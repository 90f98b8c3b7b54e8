using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Audit;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Tests.Features.Intake;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Queue;

public abstract class InquiryPageTests(TestDatabaseKind kind) : AppTest(kind)
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private FakeTimeProvider _time = null!;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Clinic:TimeZone"] = "America/New_York";

    protected override void ConfigureServices(IServiceCollection services)
    {
        _time = services.UseFakeTime();
        services.UseRemoteAddress();
    }

    private static string Url(int id) => $"/staff/inquiries/{id}";

    private static string ClinicTime(DateTime utc, string format = "ddd d MMM yyyy, HH:mm") =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, NewYork).ToString(format, CultureInfo.GetCultureInfo("en-US"));

    private Task<Inquiry> ReloadAsync(int id) =>
        App.WithDbAsync(db => db.Inquiries.AsNoTracking().Include(i => i.ContactAttempts).Include(i => i.StageChanges).AsSplitQuery().SingleAsync(i => i.Id == id));

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    private static string MainText(IDocument page) => page.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task The_page_shows_everything_the_person_sent_and_what_the_red_flags_mean()
    {
        var form = ContactRequestTests.ValidForm();
        form.Add(("Form.RedFlags", nameof(RedFlagSign.Fever)));
        form.Add(("Form.RedFlags", nameof(RedFlagSign.MorningStiffnessImprovingWithExercise)));
        Assert.Equal(HttpStatusCode.Redirect, (await App.CreateBrowser().SubmitFormAsync("/contact", form)).StatusCode);
        var inquiry = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync());
        var (client, staff) = await App.SignedInAsync(StaffRoles.Coordinator);

        var page = await client.GetDocumentAsync(Url(inquiry.Id));

        Assert.Equal("Maria Lopez", page.QuerySelector("h1")!.TextContent.Trim());
        var phone = page.QuerySelector("a#phone")!;
        Assert.Equal("tel:+12125550143", phone.GetAttribute("href"));
        Assert.Equal("(212) 555-0143", phone.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='mailto:maria@example.com']"));
        Assert.Equal(inquiry.ReferenceNumber, page.QuerySelector("#reference-number")!.TextContent.Trim());
        Assert.Equal("Low back pain for two years, worse when sitting.", page.QuerySelector("#message")!.TextContent.Trim());
        var text = MainText(page);
        Assert.Contains("Phone call, morning", text, StringComparison.Ordinal);
        Assert.Contains("Spanish", text, StringComparison.Ordinal);
        Assert.Contains("Yes: agreed that the clinic may contact them", text, StringComparison.Ordinal);
        Assert.Contains(ClinicTime(inquiry.ReceivedAt), text, StringComparison.Ordinal);

        var redFlags = page.QuerySelector("#red-flags")!.TextContent;
        Assert.Contains("Possible spinal infection", redFlags, StringComparison.Ordinal);
        Assert.Contains(RedFlagQuestions.TextFor(RedFlagSign.Fever), redFlags, StringComparison.Ordinal);
        Assert.Contains("Urgent: call on the same working day", redFlags, StringComparison.Ordinal);
        Assert.Contains("Possible inflammatory disease", redFlags, StringComparison.Ordinal);
        Assert.Contains(RedFlagQuestions.TextFor(RedFlagSign.MorningStiffnessImprovingWithExercise), redFlags, StringComparison.Ordinal);
        Assert.Contains("Note for the clinician", redFlags, StringComparison.Ordinal);
        Assert.Contains("Inquiry received", page.QuerySelector("ol.timeline")!.TextContent, StringComparison.Ordinal);

        var view = Assert.Single(await AuditAsync("inquiry.view"));
        Assert.Equal(("Inquiry", inquiry.Id.ToString(CultureInfo.InvariantCulture)), (view.EntityType, view.EntityId));
        Assert.Equal(staff.Id, view.UserId);
        Assert.Equal(QueueTestData.RemoteAddress, view.RemoteAddress);
    }

    [Fact]
    public async Task An_unknown_inquiry_is_not_found_and_not_audited()
    {
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var response = await client.GetAsync(new Uri("/staff/inquiries/987654", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Inquiry").ToListAsync()));
    }

    [Fact]
    public async Task A_coordinator_claims_assigns_and_releases_an_inquiry()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-1));
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var colleague = await App.CreateAsync(StaffRoles.Coordinator);
        var researcher = await App.CreateAsync(StaffRoles.Researcher);

        var claimed = await client.SubmitFormAsync(Url(id), [], "form#claim-form");
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Equal(Url(id), claimed.Headers.Location!.OriginalString);
        Assert.Equal(me.Id, (await ReloadAsync(id)).OwnerId);
        var page = await client.GetDocumentAsync(Url(id));
        Assert.Equal("You own this inquiry now.", page.QuerySelector(".alert-success")!.TextContent.Trim());
        var queue = await client.GetDocumentAsync("/staff/queue?show=mine");
        Assert.Equal("Sam Patient", queue.QuerySelector("table#queue tbody th a")!.TextContent.Trim());

        // Only coordinators can be chosen; anyone else is refused and nothing changes.
        var refused = await client.SubmitFormAsync(Url(id), [("AssignTo", researcher.Id)], "form#assign-form");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Choose a coordinator from the list.", (await Forms.ParseAsync(refused)).QuerySelector("#assign-to-error")!.TextContent.Trim());
        Assert.Equal(me.Id, (await ReloadAsync(id)).OwnerId);

        var assigned = await client.SubmitFormAsync(Url(id), [("AssignTo", colleague.Id)], "form#assign-form");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(colleague.Id, (await ReloadAsync(id)).OwnerId);

        var released = await client.SubmitFormAsync(Url(id), [], "form#release-form");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Null((await ReloadAsync(id)).OwnerId);

        var claim = Assert.Single(await AuditAsync("inquiry.claim"));
        Assert.Equal((me.Id, id.ToString(CultureInfo.InvariantCulture)), (claim.UserId, claim.EntityId));
        Assert.Equal("Owner: Unclaimed → Test Coordinator", claim.Details);
        Assert.Equal(QueueTestData.RemoteAddress, claim.RemoteAddress);
        var assign = Assert.Single(await AuditAsync("inquiry.assign"));
        Assert.Equal(me.Id, assign.UserId);
        Assert.Single(await AuditAsync("inquiry.release"));
    }

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
        Assert.Contains("Stage: New → Contacting", timeline[2], StringComparison.Ordinal);

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
        Assert.Null(inquiry.NextAttemptAt);
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
        Assert.Equal(["ConsultationScheduled", "Closed"], offered);

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

    [Fact]
    public async Task Changes_are_audited_without_patient_details()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-1));
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);

        await client.SubmitFormAsync(Url(id), [], "form#claim-form");
        await client.SubmitFormAsync(Url(id), [("Attempt.Outcome", "Reached"), ("Attempt.Note", "Sam Patient says hello")], "form#attempt-form");
        await client.SubmitFormAsync(Url(id), [("Move.To", "ConsultationScheduled")], "form#stage-form");

        var rows = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Inquiry").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(
            ["inquiry.view", "inquiry.claim", "inquiry.view", "inquiry.attempt", "inquiry.view", "inquiry.stage"],
            rows.Select(r => r.Action));
        Assert.All(rows, r =>
        {
            Assert.Equal(me.Id, r.UserId);
            Assert.Equal(id.ToString(CultureInfo.InvariantCulture), r.EntityId);
            Assert.Equal(QueueTestData.RemoteAddress, r.RemoteAddress);
            Assert.DoesNotContain("Sam", r.Details ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("555", r.Details ?? "", StringComparison.Ordinal);
        });
    }
}

public sealed class InquiryPageOnSqlite() : InquiryPageTests(TestDatabaseKind.Sqlite);

public sealed class InquiryPageOnPostgres() : InquiryPageTests(TestDatabaseKind.Postgres);
