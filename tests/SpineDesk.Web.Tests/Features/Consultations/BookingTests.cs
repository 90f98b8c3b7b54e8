using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Consultations;
using SpineDesk.Web.Features.Outbox;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Consultations;

/// <summary>Booking from the inquiry: one winner per slot, decided by the database; an invitation that parses.</summary>
public abstract class BookingTests(TestDatabaseKind kind) : ConsultationTest(kind)
{
    [Fact]
    public async Task Two_coordinators_booking_one_slot_at_once_get_one_booking_and_one_clear_refusal()
    {
        var clinician = await AddClinicianAsync();
        var first = await AddContactingInquiryAsync("Ada Byron");
        var second = await AddContactingInquiryAsync("Ben Okri");
        var (alice, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var (bob, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var day = Today.AddDays(2);
        var slot = BookableSlot.FormatKey(Utc(day, 10));
        var aliceUrl = BookUrl(first, clinician.Id, day);
        var bobUrl = BookUrl(second, clinician.Id, day);
        var alicePage = await alice.GetDocumentAsync(aliceUrl);
        var bobPage = await bob.GetDocumentAsync(bobUrl);

        // Both have the slot on screen; both press Book at the same moment.
        var responses = await Task.WhenAll(
            alice.SubmitFormAsync(alicePage, [("Slot", slot)], "#book-form", aliceUrl),
            bob.SubmitFormAsync(bobPage, [("Slot", slot)], "#book-form", bobUrl));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("That slot was just taken", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var booked = await App.WithDbAsync(db => db.Consultations.AsNoTracking().Where(c => c.ClinicianId == clinician.Id).ToListAsync());
        var winner = Assert.Single(booked);
        var loser = winner.InquiryId == first ? second : first;
        // Nothing else changed for the one refused: still being contacted, no stage change, no email.
        var loserInquiry = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().Include(i => i.StageChanges).SingleAsync(i => i.Id == loser));
        Assert.Equal(PipelineStage.Contacting, loserInquiry.Stage);
        Assert.Empty(loserInquiry.StageChanges);
        Assert.Empty(await MailAsync(loser));
        var winnerInquiry = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == winner.InquiryId));
        Assert.Equal(PipelineStage.ConsultationScheduled, winnerInquiry.Stage);
    }

    [Fact]
    public async Task A_longer_booking_that_starts_before_the_first_slot_still_hides_the_slots_it_covers()
    {
        var clinician = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron");
        var other = await AddContactingInquiryAsync("Ben Okri");
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var day = Today.AddDays(2);
        // Booked 08:30-09:30 (under hours the clinician had then): the 09:00 slot is taken, 09:30 is free.
        await App.WithDbAsync(db =>
        {
            db.Consultations.Add(new Consultation
            {
                InquiryId = other,
                ClinicianId = clinician.Id,
                StartUtc = Utc(day, 8, 30),
                EndUtc = Utc(day, 9, 30),
                Status = ConsultationStatus.Booked,
                BookedAt = Now,
                BookedById = clinician.Id,
                IcsUid = "early@spinedesk",
                Location = "Room 2",
            });
            return db.SaveChangesAsync();
        });

        var page = await client.GetDocumentAsync(BookUrl(inquiry, clinician.Id, day));

        Assert.Null(page.QuerySelector($"input[name=Slot][value='{BookableSlot.FormatKey(Utc(day, 9))}']"));
        Assert.NotNull(page.QuerySelector($"input[name=Slot][value='{BookableSlot.FormatKey(Utc(day, 9, 30))}']"));
    }

    [Fact]
    public async Task The_database_refuses_a_second_active_booking_of_a_slot_but_not_one_beside_a_cancelled_booking()
    {
        var clinician = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron");
        var start = Utc(Today.AddDays(3), 9);
        Consultation At(ConsultationStatus status) => new()
        {
            InquiryId = inquiry,
            ClinicianId = clinician.Id,
            StartUtc = start,
            EndUtc = start.AddMinutes(30),
            Status = status,
            BookedAt = Now,
            BookedById = clinician.Id,
            IcsUid = Guid.NewGuid().ToString("N"),
            Location = "Room 2",
        };
        await App.WithDbAsync(db => { db.Consultations.Add(At(ConsultationStatus.Cancelled)); db.Consultations.Add(At(ConsultationStatus.Booked)); return db.SaveChangesAsync(); });

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            App.WithDbAsync(db => { db.Consultations.Add(At(ConsultationStatus.Booked)); return db.SaveChangesAsync(); }));
        Assert.Equal(2, await App.WithDbAsync(db => db.Consultations.CountAsync()));
    }

    [Fact]
    public async Task Booking_on_the_day_the_clocks_change_sends_an_invitation_whose_start_is_right_in_UTC()
    {
        var clinician = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron", PipelineStage.New);
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var change = NextClockChange();
        var expected = Utc(change, 9);
        // 09:00 that Sunday is on the new offset, an hour away from 09:00 the Sunday before (in UTC terms).
        Assert.NotEqual(Utc(change.AddDays(-7), 9).AddDays(7), expected);

        var response = await coordinator.SubmitFormAsync(BookUrl(inquiry, clinician.Id, change),
            [("Slot", BookableSlot.FormatKey(expected)), ("Mode", "InPerson")], "#book-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var consultation = Assert.Single(await ConsultationsAsync(inquiry));
        Assert.Equal(expected, consultation.StartUtc);
        var message = Assert.Single(await MailAsync(inquiry));
        Assert.Equal("consultation-confirmation", message.Kind);
        var calendar = Invitation(message);
        Assert.Equal("REQUEST", calendar.Method);
        var invite = Assert.Single(calendar.Events);
        Assert.Equal(consultation.IcsUid, invite.Uid);
        Assert.Equal(0, invite.Sequence);
        Assert.Equal(expected, invite.Start!.AsUtc);
        Assert.Equal(expected.AddMinutes(30), invite.End!.AsUtc);
        Assert.Equal("Room 2", invite.Location);
        Assert.Equal("Consultation at Test Spine Clinic", invite.Summary);
        Assert.Equal("mailto:clinic@example.com", invite.Organizer!.Value!.ToString());
        Assert.Contains(invite.Attendees, a => a.Value!.ToString() == "mailto:patient@example.com");
        Assert.Single(calendar.TimeZones, z => z.TzId == "America/New_York");

        // The sent email carries the invitation as a text/calendar part with its method.
        var mime = OutboxMime.Compose(message, new EmailOptions { FromAddress = "clinic@example.com" }, TimeProvider.System);
        var part = Assert.Single(mime.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", part.ContentType.MimeType);
        Assert.Equal("REQUEST", part.ContentType.Parameters["method"]);

        // A New inquiry went through Contacting to Consultation scheduled, each step recorded and audited.
        var moves = await App.WithDbAsync(db => db.StageChanges.AsNoTracking().Where(s => s.InquiryId == inquiry).OrderBy(s => s.Id).Select(s => s.To).ToListAsync());
        Assert.Equal([PipelineStage.Contacting, PipelineStage.ConsultationScheduled], moves);
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "consultation.book")));
    }

    [Fact]
    public async Task A_time_outside_the_clinicians_hours_or_in_the_past_is_refused()
    {
        var clinician = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron");
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var day = Today.AddDays(1);

        var response = await coordinator.SubmitFormAsync(BookUrl(inquiry, clinician.Id, day),
            [("Slot", BookableSlot.FormatKey(Utc(day, 15)))], "#book-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not bookable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ConsultationsAsync(inquiry));
    }
}

public sealed class BookingOnSqlite() : BookingTests(TestDatabaseKind.Sqlite);

public sealed class BookingOnPostgres() : BookingTests(TestDatabaseKind.Postgres);
