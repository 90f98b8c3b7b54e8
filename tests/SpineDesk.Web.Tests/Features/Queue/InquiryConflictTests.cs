using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Queue;

/// <summary>Two coordinators on the same inquiry: the second to save is told, and nothing of either is lost.</summary>
public abstract class InquiryConflictTests(TestDatabaseKind kind) : AppTest(kind)
{
    private static string Url(int id) => $"/staff/inquiries/{id}";

    private Task<Inquiry> ReloadAsync(int id) =>
        App.WithDbAsync(db => db.Inquiries.AsNoTracking().Include(i => i.ContactAttempts).Include(i => i.StageChanges).AsSplitQuery().SingleAsync(i => i.Id == id));

    [Fact]
    public async Task A_stale_claim_after_a_colleagues_attempt_gets_409_and_keeps_the_attempt()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, DateTime.UtcNow.AddHours(-1));
        var (alice, aliceStaff) = await App.SignedInAsync(StaffRoles.Coordinator);
        var (bob, bobStaff) = await App.SignedInAsync(StaffRoles.Coordinator);
        var alicePage = await alice.GetDocumentAsync(Url(id));
        var bobPage = await bob.GetDocumentAsync(Url(id));

        var saved = await alice.SubmitFormAsync(alicePage, [("Attempt.Outcome", "Reached"), ("Attempt.Note", "Will call back after lunch.")], "form#attempt-form", Url(id));
        var stale = await bob.SubmitFormAsync(bobPage, [], "form#claim-form", Url(id));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await Forms.ParseAsync(stale);
        Assert.Contains(InquiryModel.ConflictMessage, page.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        // Bob sees the latest version, with Alice's attempt, and can act on it.
        Assert.Contains("Will call back after lunch.", page.QuerySelector("ol.timeline")!.TextContent, StringComparison.Ordinal);
        var inquiry = await ReloadAsync(id);
        Assert.Null(inquiry.OwnerId);
        Assert.Equal(PipelineStage.Contacting, inquiry.Stage);
        Assert.Equal(aliceStaff.Id, Assert.Single(inquiry.ContactAttempts).StaffUserId);
        Assert.Empty(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "inquiry.claim").ToListAsync()));

        var retried = await bob.SubmitFormAsync(page, [], "form#claim-form", Url(id));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(bobStaff.Id, (await ReloadAsync(id)).OwnerId);
    }

    [Fact]
    public async Task Two_attempts_logged_at_once_keep_the_first_and_give_the_second_their_note_back()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, DateTime.UtcNow.AddHours(-1));
        var (alice, aliceStaff) = await App.SignedInAsync(StaffRoles.Coordinator);
        var (bob, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var alicePage = await alice.GetDocumentAsync(Url(id));
        var bobPage = await bob.GetDocumentAsync(Url(id));

        var first = await alice.SubmitFormAsync(alicePage, [("Attempt.Outcome", "NoAnswer"), ("Attempt.Note", "Alice: no answer.")], "form#attempt-form", Url(id));
        var second = await bob.SubmitFormAsync(bobPage, [("Attempt.Outcome", "LeftVoicemail"), ("Attempt.Note", "Bob: left a voicemail.")], "form#attempt-form", Url(id));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await Forms.ParseAsync(second);
        Assert.Contains(InquiryModel.ConflictMessage, page.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bob: left a voicemail.", ((IHtmlTextAreaElement)page.QuerySelector("#attempt-note")!).Value);
        Assert.Equal("LeftVoicemail", ((IHtmlSelectElement)page.QuerySelector("#attempt-outcome")!).Value);
        var inquiry = await ReloadAsync(id);
        var attempt = Assert.Single(inquiry.ContactAttempts);
        Assert.Equal(("Alice: no answer.", aliceStaff.Id), (attempt.Note, attempt.StaffUserId));
        Assert.Single(inquiry.StageChanges);
        Assert.Single(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "inquiry.attempt").ToListAsync()));
    }

    [Theory]
    [InlineData("ConsultationScheduled", "")] // no longer legal from the new stage: still reported as the conflict it is
    [InlineData("Closed", "Unreachable")] // legal from the new stage too: refused by the version check on save
    public async Task A_stale_stage_move_is_refused_as_a_conflict_not_applied_to_the_new_stage(string to, string reason)
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, DateTime.UtcNow.AddHours(-1), PipelineStage.Contacting);
        var (alice, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var (bob, _) = await App.SignedInAsync(StaffRoles.Clinician);
        var alicePage = await alice.GetDocumentAsync(Url(id));
        var bobPage = await bob.GetDocumentAsync(Url(id));

        var first = await alice.SubmitFormAsync(alicePage, [("Move.To", "ConsultationScheduled")], "form#stage-form", Url(id));
        var second = await bob.SubmitFormAsync(bobPage, [("Move.To", to), ("Move.Reason", reason)], "form#stage-form", Url(id));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await Forms.ParseAsync(second);
        Assert.NotNull(page.QuerySelector("#conflict"));
        Assert.Null(page.QuerySelector(".error-summary"));
        var inquiry = await ReloadAsync(id);
        Assert.Equal(PipelineStage.ConsultationScheduled, inquiry.Stage);
        Assert.Null(inquiry.ClosureReason);
        Assert.Single(inquiry.StageChanges);
    }
}

public sealed class InquiryConflictOnSqlite() : InquiryConflictTests(TestDatabaseKind.Sqlite);

public sealed class InquiryConflictOnPostgres() : InquiryConflictTests(TestDatabaseKind.Postgres);
