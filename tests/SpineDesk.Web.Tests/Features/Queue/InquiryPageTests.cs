using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Tests.Features.Intake;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Queue;

/// <summary>Reading an inquiry, owning it, and the audit trail of both.</summary>
public abstract class InquiryPageTests(TestDatabaseKind kind) : InquiryTest(kind)
{
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
