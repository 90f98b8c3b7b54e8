using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Consultations;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Consultations;

/// <summary>After booking: moving, cancelling, the reminder and the no-show.</summary>
public abstract class ChangeTests(TestDatabaseKind kind) : ConsultationTest(kind)
{
    private async Task<(HttpClient Client, TestStaff Clinician, int Inquiry, Consultation Consultation)> BookAsync(DateOnly day, int hour)
    {
        var clinician = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron");
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var response = await coordinator.SubmitFormAsync(BookUrl(inquiry, clinician.Id, day),
            [("Slot", BookableSlot.FormatKey(Utc(day, hour)))], "#book-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (coordinator, clinician, inquiry, Assert.Single(await ConsultationsAsync(inquiry)));
    }

    [Fact]
    public async Task Rescheduling_keeps_the_uid_raises_the_sequence_and_sends_an_updated_invitation()
    {
        var day = Today.AddDays(2);
        var (client, _, inquiry, booked) = await BookAsync(day, 9);
        var url = $"/staff/consultations/{booked.Id}?From={day:yyyy-MM-dd}";

        var response = await client.SubmitFormAsync(url, [("Slot", BookableSlot.FormatKey(Utc(day, 11))), ("Reason", "Clinician's request")], "#reschedule-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var moved = Assert.Single(await ConsultationsAsync(inquiry));
        Assert.Equal(Utc(day, 11), moved.StartUtc);
        Assert.Equal("Clinician's request", moved.RescheduleReason);
        var mail = await MailAsync(inquiry);
        Assert.Equal(["consultation-confirmation", "consultation-update"], mail.Select(m => m.Kind));
        var before = Assert.Single(Invitation(mail[0]).Events);
        var after = Assert.Single(Invitation(mail[1]).Events);
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal(Utc(day, 11), after.Start!.AsUtc);
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "consultation.reschedule")));
    }

    [Fact]
    public async Task A_stale_form_changes_nothing()
    {
        var day = Today.AddDays(2);
        var (client, _, inquiry, booked) = await BookAsync(day, 9);
        var url = $"/staff/consultations/{booked.Id}?From={day:yyyy-MM-dd}";
        var page = await client.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, [("Reason", "Patient asked")], "#cancel-form")).StatusCode);

        var stale = await client.SubmitFormAsync(page, [("Slot", BookableSlot.FormatKey(Utc(day, 11))), ("Reason", "Later")], "#reschedule-form", url);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var consultation = Assert.Single(await ConsultationsAsync(inquiry));
        Assert.Equal(ConsultationStatus.Cancelled, consultation.Status);
        Assert.Equal(Utc(day, 9), consultation.StartUtc);
    }

    [Fact]
    public async Task Cancelling_sends_a_cancel_invitation_and_returns_the_inquiry_to_the_queue()
    {
        var day = Today.AddDays(2);
        var (client, _, inquiry, booked) = await BookAsync(day, 9);

        var response = await client.SubmitFormAsync($"/staff/consultations/{booked.Id}", [("Reason", "Patient asked")], "#cancel-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cancelled = Assert.Single(await ConsultationsAsync(inquiry));
        Assert.Equal(ConsultationStatus.Cancelled, cancelled.Status);
        var calendar = Invitation((await MailAsync(inquiry))[^1]);
        Assert.Equal("CANCEL", calendar.Method);
        var invite = Assert.Single(calendar.Events);
        Assert.Equal("CANCELLED", invite.Status);
        Assert.Equal(booked.IcsUid, invite.Uid);
        Assert.True(invite.Sequence > 0);
        var stage = await App.WithDbAsync(db => db.Inquiries.Where(i => i.Id == inquiry).Select(i => i.Stage).SingleAsync());
        Assert.Equal(PipelineStage.Contacting, stage);
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "consultation.cancel")));
        // The slot is free again.
        var slots = await App.WithDbAsync(db => ActivatorUtilities.CreateInstance<BookableSlots>(App.Services, db).FindAsync(cancelled.ClinicianId, day, 1, default));
        Assert.Contains(slots, s => s.StartUtc == Utc(day, 9));
    }

    [Fact]
    public async Task A_no_show_is_recorded_and_sends_the_inquiry_back_to_the_queue_due_now()
    {
        // A consultation that began 20 minutes ago (the sign-in session keeps the real clock, so no time travel).
        var clinician = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron", PipelineStage.ConsultationScheduled);
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var id = await App.WithDbAsync(async db =>
        {
            var started = new Consultation
            {
                InquiryId = inquiry,
                ClinicianId = clinician.Id,
                StartUtc = Now.AddMinutes(-20),
                EndUtc = Now.AddMinutes(10),
                Status = ConsultationStatus.Booked,
                BookedAt = Now.AddDays(-2),
                BookedById = clinician.Id,
                IcsUid = "past@spinedesk",
                Location = "Room 2",
            };
            db.Consultations.Add(started);
            await db.SaveChangesAsync();
            return started.Id;
        });

        var response = await client.SubmitFormAsync($"/staff/consultations/{id}", [("Outcome", "NoShow")], "#outcome-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsultationStatus.NoShow, Assert.Single(await ConsultationsAsync(inquiry)).Status);
        var back = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().Include(i => i.StageChanges).SingleAsync(i => i.Id == inquiry));
        Assert.Equal(PipelineStage.Contacting, back.Stage);
        Assert.Equal(Now, back.NextAttemptAt);
        var move = Assert.Single(back.StageChanges);
        Assert.Equal((PipelineStage.ConsultationScheduled, PipelineStage.Contacting), (move.From, move.To));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "consultation.no-show")));
    }

    [Fact]
    public async Task A_consultation_that_has_not_started_cannot_be_marked_a_no_show()
    {
        var (client, _, inquiry, booked) = await BookAsync(Today.AddDays(1), 9);
        var url = $"/staff/consultations/{booked.Id}";
        var page = await client.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("#outcome-form"));

        var token = page.QuerySelector("#cancel-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync(new Uri(url + "?handler=Outcome", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Version", booked.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Outcome", "NoShow")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ConsultationStatus.Booked, Assert.Single(await ConsultationsAsync(inquiry)).Status);
    }

    [Fact]
    public async Task The_reminder_is_queued_once_a_day_before_the_start()
    {
        var day = Today.AddDays(3);
        var (_, _, inquiry, booked) = await BookAsync(day, 10);
        var reminders = App.Services.GetRequiredService<ConsultationReminders>();
        Task<int> RemindersAsync() => App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.InquiryId == inquiry && m.Kind == "consultation-reminder"));

        Time.SetUtcNow(new DateTimeOffset(booked.StartUtc - ConsultationReminders.Lead - TimeSpan.FromMinutes(1)));
        await reminders.QueueDueAsync(default);
        Assert.Equal(0, await RemindersAsync());

        Time.SetUtcNow(new DateTimeOffset(booked.StartUtc - ConsultationReminders.Lead));
        await reminders.QueueDueAsync(default);
        await reminders.QueueDueAsync(default);
        Assert.Equal(1, await RemindersAsync());
        var marked = Assert.Single(await ConsultationsAsync(inquiry));
        Assert.Equal(booked.StartUtc - ConsultationReminders.Lead, marked.ReminderQueuedAt);

        Time.Advance(TimeSpan.FromHours(2));
        await reminders.QueueDueAsync(default);
        Assert.Equal(1, await RemindersAsync());
    }
}

public sealed class ChangesOnSqlite() : ChangeTests(TestDatabaseKind.Sqlite);

public sealed class ChangesOnPostgres() : ChangeTests(TestDatabaseKind.Postgres);
