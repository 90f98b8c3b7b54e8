using System.Net;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Consultations;
using SpineDesk.Web.Tests.Features.Outbox;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Consultations;

/// <summary>
/// The clinician is invited too: an attendee of the clinic's event, sent the invitation, the update and the
/// cancellation through the outbox, and a cancellation when the consultation moves to someone else.
/// </summary>
public abstract class ClinicianInvitationTests(TestDatabaseKind kind) : ConsultationTest(kind)
{
    private MailDevServer _mail = null!;

    public override async ValueTask InitializeAsync()
    {
        _mail = await MailDevServer.GetAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        _mail.Configure(settings);
    }

    [Fact]
    public async Task Both_clinicians_receive_the_invitations_for_booking_moving_to_another_clinician_and_cancelling()
    {
        var first = await AddClinicianAsync();
        var second = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron");
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var day = Today.AddDays(2);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(BookUrl(inquiry, first.Id, day), [("Slot", BookableSlot.FormatKey(Utc(day, 9)))], "#book-form")).StatusCode);
        var id = Assert.Single(await ConsultationsAsync(inquiry)).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(
            $"/staff/consultations/{id}?Clinician={second.Id}&From={day:yyyy-MM-dd}",
            [("Slot", BookableSlot.FormatKey(Utc(day, 10))), ("Reason", "Needs a spine surgeon")],
            "#reschedule-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/staff/consultations/{id}", [("Reason", "Patient asked")], "#cancel-form")).StatusCode);
        await App.CreateSender().SendDueAsync(TestContext.Current.CancellationToken);

        // Over SMTP: the first clinician was invited, then taken off; the second was invited, then told of the cancellation.
        var firstMail = await _mail.WaitForMessagesToAsync(first.Email, 2);
        var secondMail = await _mail.WaitForMessagesToAsync(second.Email, 2);
        Assert.Equal(2, firstMail.Count);
        Assert.Equal(2, secondMail.Count);
        Assert.Contains(firstMail, m => m.Subject.StartsWith("Consultation booked", StringComparison.Ordinal));
        Assert.Contains(firstMail, m => m.Subject.StartsWith("Consultation moved to another clinician", StringComparison.Ordinal));
        Assert.Contains(secondMail, m => m.Subject.StartsWith("Consultation moved: now", StringComparison.Ordinal));
        Assert.Contains(secondMail, m => m.Subject.StartsWith("Consultation cancelled", StringComparison.Ordinal));
        Assert.All(firstMail.Concat(secondMail), m => Assert.Contains(m.AttachmentTypes!, t => t.StartsWith("text/calendar", StringComparison.Ordinal)));

        // The invitations themselves, as queued: one event (one UID), the clinic organizing, the clinician attending.
        var queued = await App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.Kind.StartsWith(ConsultationMail.ClinicianKindPrefix)).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(
            [(first.Email, "REQUEST"), (first.Email, "CANCEL"), (second.Email, "REQUEST"), (second.Email, "CANCEL")],
            queued.Select(m => (m.ToAddress, Invitation(m).Method)).OrderBy(x => x.ToAddress == second.Email).ToList());
        var events = queued.Select(m => (m.ToAddress, Event: Assert.Single(Invitation(m).Events))).ToList();
        Assert.Single(events.Select(e => e.Event.Uid).Distinct());
        Assert.All(events, e =>
        {
            Assert.Equal("mailto:clinic@example.com", e.Event.Organizer?.Value?.ToString());
            Assert.Contains(e.Event.Attendees, a => a.Value?.ToString() == $"mailto:{e.ToAddress}");
        });
        // Taken off: the first clinician's cancellation names only them, at the old time, with the raised sequence.
        var takenOff = events.Single(e => e.ToAddress == first.Email && e.Event.Status == "CANCELLED").Event;
        Assert.Equal(Utc(day, 9), takenOff.Start!.AsUtc);
        Assert.Equal(1, takenOff.Sequence);
        Assert.Equal([$"mailto:{first.Email}"], takenOff.Attendees.Select(a => a.Value?.ToString()));
        // The person's own invitations name the clinician as an attendee too.
        var patientUpdate = Invitation((await MailAsync(inquiry)).Single(m => m.Kind == "consultation-update"));
        Assert.Contains(Assert.Single(patientUpdate.Events).Attendees, a => a.Value?.ToString() == $"mailto:{second.Email}");
    }
}

public sealed class ClinicianInvitationOnSqlite() : ClinicianInvitationTests(TestDatabaseKind.Sqlite);

public sealed class ClinicianInvitationOnPostgres() : ClinicianInvitationTests(TestDatabaseKind.Postgres);
