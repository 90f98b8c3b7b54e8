using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Clinical;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Outbox;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Notes;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Features.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Notes;

/// <summary>Notes on an inquiry, added from its page, and the one history they share with everything else.</summary>
public abstract class NotesTests(TestDatabaseKind kind) : InquiryTest(kind)
{
    private const string NoteText = "Daughter answers the phone; ask for Sam.\nPrefers mornings.";

    private FakeTimeProvider Time => (FakeTimeProvider)App.Services.GetRequiredService<TimeProvider>();

    private static Task<HttpResponseMessage> AddNoteAsync(HttpClient client, int id, string text) =>
        client.SubmitFormAsync(Url(id), [("Text", text)], "form#note-form");

    private Task<List<Note>> NotesAsync() => App.WithDbAsync(db => db.Notes.AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_note_shows_in_the_timeline_with_author_and_clinic_time_and_is_audited_without_its_text()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-2));
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var page = await client.GetDocumentAsync(Url(id));
        Assert.Equal("Note text", page.QuerySelector("form#note-form label[for=note-text]")!.TextContent);
        Assert.Equal("Add note", page.QuerySelector("form#note-form button[type=submit]")!.TextContent);

        var response = await AddNoteAsync(client, id, NoteText);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/inquiries/{id}#history", response.LocationPath());
        var note = Assert.Single(await NotesAsync());
        Assert.Equal((id, me.Id, Now, NoteText), (note.InquiryId, note.StaffUserId, note.At, note.Text));

        page = await client.GetDocumentAsync(Url(id));
        Assert.Contains("Note added.", page.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var newest = page.QuerySelectorAll("ol.timeline > li")[0];
        Assert.Contains("Note by Test Coordinator", newest.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Daughter answers the phone; ask for Sam.", "Prefers mornings."], newest.QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Equal(ClinicTime(Now), newest.QuerySelector("time")!.TextContent);

        var audit = Assert.Single(await AuditAsync(AddNoteModel.AuditAction));
        Assert.Equal((me.Id, "Inquiry", id.ToString(CultureInfo.InvariantCulture)), (audit.UserId, audit.EntityType, audit.EntityId));
        Assert.DoesNotContain("Daughter", audit.Details ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("mornings", audit.Details ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter the note text.")]
    [InlineData("   \n  ", "Enter the note text.")]
    [InlineData(null, "Keep the note to 4000 characters; it has 4001.")]
    public async Task An_empty_or_too_long_note_is_refused_with_a_field_message_and_nothing_is_stored(string? text, string message)
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-2));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        text ??= new string('x', Note.TextMaxLength + 1);

        var response = await AddNoteAsync(client, id, text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("#note-text-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#note-text")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#note-text']"));
        Assert.Empty(await NotesAsync());
        Assert.Empty(await AuditAsync(AddNoteModel.AuditAction));

        // What was typed is still there to fix and send again.
        var again = await client.SubmitFormAsync(page, [("Text", "Fixed.")], "form#note-form", $"/staff/inquiries/{id}/notes");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Fixed.", Assert.Single(await NotesAsync()).Text);
    }

    [Fact]
    public async Task The_timeline_interleaves_attempts_stage_changes_emails_consultations_and_notes_newest_first()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-2));
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var clinician = await App.CreateAsync(StaffRoles.Clinician);

        Assert.Equal(HttpStatusCode.Redirect, (await AddNoteAsync(client, id, "Before calling.")).StatusCode);
        Time.Advance(TimeSpan.FromMinutes(5));
        var attemptAt = Now;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Url(id), [("Attempt.Channel", "Phone"), ("Attempt.Outcome", "Reached")], "form#attempt-form")).StatusCode);
        Time.Advance(TimeSpan.FromMinutes(5));
        var bookedAt = Now;
        var start = Now.AddDays(3);
        await App.WithDbAsync(async db =>
        {
            db.Consultations.Add(new Consultation
            {
                InquiryId = id,
                ClinicianId = clinician.Id,
                BookedById = me.Id,
                StartUtc = start,
                EndUtc = start.AddMinutes(30),
                BookedAt = bookedAt,
                Status = ConsultationStatus.Booked,
                IcsUid = Guid.NewGuid().ToString("N"),
            });
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = "consultation-confirmation",
                ToAddress = "patient@example.com",
                Subject = "Your consultation",
                TextBody = "Secret body text",
                MessageId = "<x@example.com>",
                CreatedAt = bookedAt,
                NextAttemptAt = bookedAt,
                Status = OutboxStatus.Sent,
                SentAt = bookedAt.AddMinutes(1),
                InquiryId = id,
            });
            return await db.SaveChangesAsync();
        });
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Redirect, (await AddNoteAsync(client, id, "Booked; sent directions.")).StatusCode);

        var page = await client.GetDocumentAsync(Url(id));
        var items = page.QuerySelectorAll("ol.timeline > li").Select(li => li.TextContent).ToList();
        string[] expected =
        [
            "Booked; sent directions.",
            "Email: consultation confirmation (sent)",
            $"Consultation booked for {ClinicTime(start)} with Test Clinician by Test Coordinator",
            "Stage: New → Contacting by Test Coordinator",
            "Phone call: Reached by Test Coordinator",
            "Before calling.",
            "Inquiry received",
        ];
        Assert.Equal(expected.Length, items.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Contains(expected[i], items[i], StringComparison.Ordinal);
        }

        Assert.Contains(ClinicTime(attemptAt), items[4], StringComparison.Ordinal);
        Assert.Contains(ClinicTime(bookedAt.AddMinutes(1)), items[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Secret body text", page.QuerySelector("ol.timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRoles.Administrator)]
    [InlineData(StaffRoles.Researcher)]
    public async Task Strangers_and_other_roles_cannot_add_a_note(string role)
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-2));
        var url = new Uri($"/staff/inquiries/{id}/notes", UriKind.Relative);
        using var stranger = App.CreateBrowser();
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("Text", "Not allowed.")]);
        var anonymous = await stranger.PostAsync(url, content);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/staff/sign-in", anonymous.LocationPath());

        var (other, _) = await App.SignedInAsync(role);
        using var content2 = new FormUrlEncodedContent([new KeyValuePair<string, string>("Text", "Not allowed.")]);
        var refused = await other.PostAsync(url, content2);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/staff/access-denied", refused.LocationPath());
        Assert.Empty(await NotesAsync());
    }
}

public sealed class NotesOnSqlite() : NotesTests(TestDatabaseKind.Sqlite);

public sealed class NotesOnPostgres() : NotesTests(TestDatabaseKind.Postgres);
