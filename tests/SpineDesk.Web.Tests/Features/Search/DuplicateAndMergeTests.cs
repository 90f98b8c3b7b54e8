using System.Net;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Questionnaires;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Search;
using SpineDesk.Web.Tests.Features.Intake;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Search;

public abstract class DuplicateAndMergeTests(TestDatabaseKind kind) : AppTest(kind)
{
    private static List<(string, string)> Form(string name, string phone, string? email)
    {
        var form = ContactRequestTests.ValidForm(phone, email);
        form[0] = ("Form.Name", name);
        return form;
    }

    private async Task<Inquiry> SubmitAsync(string name, string phone, string? email)
    {
        var response = await App.CreateBrowser().SubmitFormAsync("/contact", Form(name, phone, email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await App.WithDbAsync(db => db.Inquiries.AsNoTracking().OrderByDescending(i => i.Id).FirstAsync());
    }

    private Task<Inquiry> ReloadAsync(int id) => App.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id));

    private Task<(int Attempts, int Changes, int Responses, int Scores, int Outbox, int Assessments, int Consultations, int Notes)> CountsAsync(int id) =>
        App.WithDbAsync(async db => (
            await db.ContactAttempts.CountAsync(a => a.InquiryId == id),
            await db.StageChanges.CountAsync(c => c.InquiryId == id),
            await db.QuestionnaireResponses.CountAsync(r => r.InquiryId == id),
            await db.ScoreObservations.CountAsync(s => s.InquiryId == id),
            await db.OutboxMessages.CountAsync(m => m.InquiryId == id),
            await db.SelfAssessments.CountAsync(a => a.InquiryId == id),
            await db.Consultations.CountAsync(c => c.InquiryId == id),
            await db.Notes.CountAsync(n => n.InquiryId == id)));

    [Fact]
    public async Task The_same_phone_typed_differently_is_flagged_and_the_inquiry_page_links_to_the_merge()
    {
        var first = await SubmitAsync("Maria Lopez", "(212) 555-0143", email: null);
        var second = await SubmitAsync("María López", "+1 212.555.0143", email: "maria@example.com");

        Assert.Null(first.PossibleDuplicateOfId);
        Assert.Equal(first.Id, second.PossibleDuplicateOfId);
        Assert.Equal(DuplicateMatch.Phone, second.PossibleDuplicateMatch);
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var page = await client.GetDocumentAsync($"/staff/inquiries/{second.Id}");
        var notice = page.QuerySelector("#possible-duplicate")!;
        Assert.Contains($"Possible duplicate of {first.ReferenceNumber} (same phone)", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector($"a[href='/staff/inquiries/{first.Id}']"));
        Assert.NotNull(notice.QuerySelector($"a[href='/staff/merge/{first.Id}/{second.Id}']"));
    }

    [Fact]
    public async Task The_same_email_in_another_case_is_flagged_without_stopping_the_submission()
    {
        var first = await SubmitAsync("Maria Lopez", "(212) 555-0143", "maria@example.com");
        var second = await SubmitAsync("Maria Lopez", "(646) 555-0178", "MARIA@Example.com");
        var unrelated = await SubmitAsync("Sam Other", "(718) 555-0123", "sam@example.com");

        Assert.Equal(first.Id, second.PossibleDuplicateOfId);
        Assert.Equal(DuplicateMatch.Email, second.PossibleDuplicateMatch);
        Assert.Null(unrelated.PossibleDuplicateOfId);
        Assert.Equal(3, await App.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task A_merge_keeps_every_record_closes_the_duplicate_and_audits_both()
    {
        var older = await SubmitAsync("Maria Lopez", "(212) 555-0143", email: null);
        var newer = await SubmitAsync("Maria Lopez", "212-555-0143", "maria@example.com");
        var (client, staff) = await App.SignedInAsync(StaffRoles.Coordinator);
        await AddHistoryAsync(older.Id, staff.Id, attempts: 2);
        await AddHistoryAsync(newer.Id, staff.Id, attempts: 1);
        var before = (Older: await CountsAsync(older.Id), Newer: await CountsAsync(newer.Id));

        var page = await client.GetDocumentAsync($"/staff/merge/{older.Id}/{newer.Id}");
        Assert.Equal(older.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("input[name=survivor][checked]")!.GetAttribute("value"));
        var response = await client.SubmitFormAsync(page, [], "form#merge-form", $"/staff/merge/{older.Id}/{newer.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/inquiries/{older.Id}", response.Headers.Location!.OriginalString);
        var after = (Older: await CountsAsync(older.Id), Newer: await CountsAsync(newer.Id));
        Assert.Equal(before.Older.Attempts + before.Newer.Attempts, after.Older.Attempts);
        Assert.Equal(before.Older.Changes + before.Newer.Changes, after.Older.Changes);
        Assert.Equal(before.Older.Responses + before.Newer.Responses, after.Older.Responses);
        Assert.Equal(before.Older.Scores + before.Newer.Scores, after.Older.Scores);
        Assert.Equal(before.Older.Outbox + before.Newer.Outbox, after.Older.Outbox);
        Assert.Equal(before.Older.Assessments + before.Newer.Assessments, after.Older.Assessments);
        Assert.Equal(before.Older.Consultations + before.Newer.Consultations, after.Older.Consultations);
        Assert.Equal(2, after.Older.Consultations);
        Assert.Equal(before.Older.Notes + before.Newer.Notes, after.Older.Notes);
        Assert.Equal(2, after.Older.Notes);
        Assert.Equal((0, 1, 0, 0, 0, 0, 0, 0), after.Newer); // only the closing stage change
        Assert.Equal(1, after.Older.Outbox); // the newer one's confirmation email; the older had no address

        var merged = await ReloadAsync(newer.Id);
        Assert.Equal(PipelineStage.Closed, merged.Stage);
        Assert.Equal(ClosureReason.Duplicate, merged.ClosureReason);
        Assert.Equal(older.Id, merged.MergedIntoId);
        var survivor = await ReloadAsync(older.Id);
        Assert.Equal("maria@example.com", survivor.Email);
        Assert.NotEqual(PipelineStage.Closed, survivor.Stage);
        Assert.Equal(2, await App.WithDbAsync(db => db.Inquiries.CountAsync()));

        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == InquiryMerge.Action).OrderBy(a => a.EntityId).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.EntityId == older.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Details!.Contains("filled from it: email", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityId == newer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Details!.Contains($"Merged into {older.ReferenceNumber}", StringComparison.Ordinal));
        Assert.All(audit, a => Assert.Equal(staff.Id, a.UserId));

        var survivorPage = await client.GetDocumentAsync($"/staff/inquiries/{older.Id}");
        Assert.Contains($"{newer.ReferenceNumber} was merged into this inquiry", survivorPage.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var mergedPage = await client.GetDocumentAsync($"/staff/inquiries/{newer.Id}");
        Assert.NotNull(mergedPage.QuerySelector($"#merged-into a[href='/staff/inquiries/{older.Id}']"));
    }

    [Fact]
    public async Task A_stale_comparison_gets_409_and_nothing_moves()
    {
        var older = await SubmitAsync("Maria Lopez", "(212) 555-0143", null);
        var newer = await SubmitAsync("Maria Lopez", "212-555-0143", "maria@example.com");
        var (client, staff) = await App.SignedInAsync(StaffRoles.Coordinator);
        await AddHistoryAsync(newer.Id, staff.Id, attempts: 1);
        var url = $"/staff/merge/{older.Id}/{newer.Id}";
        var page = await client.GetDocumentAsync(url);

        // A colleague changes the newer inquiry in between.
        await App.WithDbAsync(async db =>
        {
            var inquiry = await db.Inquiries.SingleAsync(i => i.Id == newer.Id);
            inquiry.OwnerId = staff.Id;
            return await db.SaveChangesAsync();
        });
        var response = await client.SubmitFormAsync(page, [], "form#merge-form", url);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(MergeModel.ConflictMessage, (await Forms.ParseAsync(response)).QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, (await CountsAsync(newer.Id)).Attempts);
        Assert.Null((await ReloadAsync(newer.Id)).MergedIntoId);
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == InquiryMerge.Action)));

        var retried = await client.SubmitFormAsync(await Forms.ParseAsync(response), [], "form#merge-form", url);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
    }

    [Fact]
    public async Task Merging_into_itself_or_into_a_closed_inquiry_is_refused_with_a_reason()
    {
        var open = await App.AddPersonAsync("Maria Lopez", phone: "+12125550143");
        var closed = await App.AddPersonAsync("Maria Lopez", phone: "+12125550143", stage: PipelineStage.Closed);
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var self = await client.GetDocumentAsync($"/staff/merge/{open.Id}/{open.Id}");
        Assert.Contains("cannot be merged into itself", self.QuerySelector("#merge-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(self.QuerySelector("form#merge-form"));

        var url = $"/staff/merge/{open.Id}/{closed.Id}";
        var intoClosed = await client.SubmitFormAsync(url, [("survivor", closed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "form#merge-form");
        Assert.Equal(HttpStatusCode.BadRequest, intoClosed.StatusCode);
        Assert.Contains($"{closed.ReferenceNumber} is closed, so nothing can be merged into it",
            (await Forms.ParseAsync(intoClosed)).QuerySelector("#merge-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await ReloadAsync(open.Id)).MergedIntoId);

        // The other way round is allowed: the closed one's history joins the open one and keeps its own reason.
        var intoOpen = await client.SubmitFormAsync(url, [("survivor", open.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "form#merge-form");
        Assert.Equal(HttpStatusCode.Redirect, intoOpen.StatusCode);
        var formerlyClosed = await ReloadAsync(closed.Id);
        Assert.Equal(open.Id, formerlyClosed.MergedIntoId);
        Assert.Equal(ClosureReason.Declined, formerlyClosed.ClosureReason);

        var again = await client.SubmitFormAsync(url, [("survivor", open.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "form#merge-form");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("has already been merged", (await Forms.ParseAsync(again)).QuerySelector("#merge-error")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Attempts, a stage change, a self-assessment with a scored response, a cancelled consultation, a note: one of each kind of record.</summary>
    private Task<int> AddHistoryAsync(int inquiryId, string staffId, int attempts) => App.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        for (var i = 0; i < attempts; i++)
        {
            db.ContactAttempts.Add(new ContactAttempt { InquiryId = inquiryId, At = now.AddMinutes(-i), StaffUserId = staffId, Outcome = ContactOutcome.NoAnswer });
        }

        db.StageChanges.Add(new StageChange { InquiryId = inquiryId, At = now, From = PipelineStage.New, To = PipelineStage.Contacting, StaffUserId = staffId });
        var inquiry = await db.Inquiries.SingleAsync(i => i.Id == inquiryId);
        inquiry.Stage = PipelineStage.Contacting;
        var pack = await db.QuestionnairePacks.FirstOrDefaultAsync() ?? db.QuestionnairePacks.Add(new QuestionnairePack
        {
            Key = "merge-test",
            Version = "1",
            CanonicalUrl = "https://example.org/q/merge-test",
            Title = "Test",
            Json = "{}",
            JsonHash = "0",
            Source = "test",
        }).Entity;
        var assessment = new SpineDesk.Data.Questionnaires.SelfAssessment { Id = Guid.NewGuid(), TokenHash = Guid.NewGuid().ToString("N"), InquiryId = inquiryId, StartedAt = now, UpdatedAt = now };
        db.SelfAssessments.Add(assessment);
        var response = new QuestionnaireResponse { Pack = pack, SelfAssessmentId = assessment.Id, InquiryId = inquiryId, AuthoredAt = now, AnswersJson = "{}", Status = ResponseStatus.Completed };
        response.Scores.Add(new ScoreObservation { InquiryId = inquiryId, System = "http://loinc.org", Code = "x", Display = "x", Value = 1, EffectiveAt = now });
        db.QuestionnaireResponses.Add(response);
        db.Consultations.Add(new SpineDesk.Data.Consultations.Consultation
        {
            InquiryId = inquiryId,
            ClinicianId = staffId,
            BookedById = staffId,
            StartUtc = now.AddDays(-3),
            EndUtc = now.AddDays(-3).AddMinutes(30),
            BookedAt = now.AddDays(-4),
            Status = SpineDesk.Data.Consultations.ConsultationStatus.Cancelled,
            CancelReason = "test",
            IcsUid = Guid.NewGuid().ToString("N"),
        });
        db.Notes.Add(new Note { InquiryId = inquiryId, At = now, StaffUserId = staffId, Text = "Prefers calls after 5 pm." });
        return await db.SaveChangesAsync();
    });
}

public sealed class DuplicateAndMergeOnSqlite() : DuplicateAndMergeTests(TestDatabaseKind.Sqlite);

public sealed class DuplicateAndMergeOnPostgres() : DuplicateAndMergeTests(TestDatabaseKind.Postgres);
