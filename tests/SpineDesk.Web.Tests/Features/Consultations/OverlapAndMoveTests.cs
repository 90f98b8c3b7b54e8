using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Consultations;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Consultations;

/// <summary>
/// Consultations of different lengths never overlap for one clinician (decided by the database), and a
/// consultation moves to another clinician keeping its invitation's identity.
/// </summary>
public abstract class OverlapAndMoveTests(TestDatabaseKind kind) : ConsultationTest(kind)
{
    [Fact]
    public async Task Two_coordinators_booking_overlapping_slots_of_different_lengths_at_once_get_one_booking_and_one_clear_refusal()
    {
        var clinician = await AddClinicianAsync();
        var day = Today.AddDays(2);
        // Extra hours that day in hour-long slots, over the usual half-hour slots: 09:15–10:15 overlaps 09:30–10:00.
        await App.WithDbAsync(db =>
        {
            db.AvailabilityChanges.Add(new AvailabilityChange
            {
                ClinicianId = clinician.Id,
                Date = day,
                Kind = AvailabilityChangeKind.ExtraHours,
                Start = new TimeOnly(9, 15),
                End = new TimeOnly(10, 15),
                SlotMinutes = 60,
                Location = "Room 2",
            });
            return db.SaveChangesAsync();
        });
        var first = await AddContactingInquiryAsync("Ada Byron");
        var second = await AddContactingInquiryAsync("Ben Okri");
        var (alice, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var (bob, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var aliceUrl = BookUrl(first, clinician.Id, day);
        var bobUrl = BookUrl(second, clinician.Id, day);
        var alicePage = await alice.GetDocumentAsync(aliceUrl);
        var bobPage = await bob.GetDocumentAsync(bobUrl);

        var responses = await Task.WhenAll(
            alice.SubmitFormAsync(alicePage, [("Slot", BookableSlot.FormatKey(Utc(day, 9, 15)))], "#book-form", aliceUrl),
            bob.SubmitFormAsync(bobPage, [("Slot", BookableSlot.FormatKey(Utc(day, 9, 30)))], "#book-form", bobUrl));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("That slot was just taken", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var booked = Assert.Single(await App.WithDbAsync(db => db.Consultations.AsNoTracking().Where(c => c.ClinicianId == clinician.Id).ToListAsync()));
        Assert.Contains(booked.StartUtc, new[] { Utc(day, 9, 15), Utc(day, 9, 30) });
    }

    [Fact]
    public async Task The_database_refuses_an_overlapping_active_consultation_but_allows_back_to_back_and_beside_a_cancelled_one()
    {
        var clinician = await AddClinicianAsync();
        var other = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron");
        var day = Today.AddDays(3);
        Consultation At(string clinicianId, int hour, int minute, int minutes, ConsultationStatus status = ConsultationStatus.Booked) => new()
        {
            InquiryId = inquiry,
            ClinicianId = clinicianId,
            StartUtc = Utc(day, hour, minute),
            EndUtc = Utc(day, hour, minute).AddMinutes(minutes),
            Status = status,
            BookedAt = Now,
            BookedById = clinicianId,
            IcsUid = Guid.NewGuid().ToString("N"),
            Location = "Room 2",
        };
        Task<int> SaveAsync(Consultation consultation) => App.WithDbAsync(db => { db.Consultations.Add(consultation); return db.SaveChangesAsync(); });
        await SaveAsync(At(clinician.Id, 9, 0, 60));

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(At(clinician.Id, 9, 30, 30)));
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(At(clinician.Id, 8, 45, 30)));
        await SaveAsync(At(clinician.Id, 10, 0, 30));
        await SaveAsync(At(clinician.Id, 9, 30, 30, ConsultationStatus.Cancelled));
        await SaveAsync(At(other.Id, 9, 30, 30));
        // Moving a booking onto another one is refused too.
        var moved = await App.WithDbAsync(async db =>
        {
            var later = await db.Consultations.SingleAsync(c => c.ClinicianId == clinician.Id && c.StartUtc == Utc(day, 10, 0));
            later.StartUtc = Utc(day, 9, 45);
            try
            {
                await db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        });

        Assert.False(moved);
        Assert.Equal(4, await App.WithDbAsync(db => db.Consultations.CountAsync()));
    }

    [Fact]
    public async Task Rescheduling_to_another_clinician_keeps_the_uid_raises_the_sequence_and_frees_the_first_clinicians_time()
    {
        var first = await AddClinicianAsync();
        var second = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron");
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var day = Today.AddDays(2);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(BookUrl(inquiry, first.Id, day), [("Slot", BookableSlot.FormatKey(Utc(day, 9)))], "#book-form")).StatusCode);
        var booked = Assert.Single(await ConsultationsAsync(inquiry));
        var url = $"/staff/consultations/{booked.Id}?Clinician={second.Id}&From={day:yyyy-MM-dd}";

        var response = await client.SubmitFormAsync(url, [("Slot", BookableSlot.FormatKey(Utc(day, 10))), ("Reason", "Needs a spine surgeon")], "#reschedule-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var moved = Assert.Single(await ConsultationsAsync(inquiry));
        Assert.Equal(second.Id, moved.ClinicianId);
        Assert.Equal(Utc(day, 10), moved.StartUtc);
        Assert.Equal(ConsultationStatus.Booked, moved.Status);
        var mail = await MailAsync(inquiry);
        Assert.Equal(["consultation-confirmation", "consultation-update"], mail.Select(m => m.Kind));
        var before = Assert.Single(Invitation(mail[0]).Events);
        var after = Assert.Single(Invitation(mail[1]).Events);
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal(Utc(day, 10), after.Start!.AsUtc);
        Assert.Contains(after.Attendees, a => a.Value?.ToString() == $"mailto:{second.Email}");
        Assert.DoesNotContain(after.Attendees, a => a.Value?.ToString() == $"mailto:{first.Email}");
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "consultation.reschedule"));
        Assert.Contains("From Test Clinician to Test Clinician", audit.Details, StringComparison.Ordinal);
        // The first clinician's 09:00 is free again; the second's 10:00 is taken.
        var firstSlots = await SlotsAsync(first.Id, day);
        var secondSlots = await SlotsAsync(second.Id, day);
        Assert.Contains(firstSlots, s => s.StartUtc == Utc(day, 9));
        Assert.DoesNotContain(secondSlots, s => s.StartUtc == Utc(day, 10));
    }

    [Fact]
    public async Task Rescheduling_to_another_clinician_at_a_time_they_are_booked_changes_nothing()
    {
        var first = await AddClinicianAsync();
        var second = await AddClinicianAsync();
        var inquiry = await AddContactingInquiryAsync("Ada Byron");
        var busy = await AddContactingInquiryAsync("Ben Okri");
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var day = Today.AddDays(2);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(BookUrl(inquiry, first.Id, day), [("Slot", BookableSlot.FormatKey(Utc(day, 9)))], "#book-form")).StatusCode);
        var booked = Assert.Single(await ConsultationsAsync(inquiry));
        var url = $"/staff/consultations/{booked.Id}?Clinician={second.Id}&From={day:yyyy-MM-dd}";
        var page = await client.GetDocumentAsync(url);
        // Meanwhile someone books the second clinician at 10:00.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(BookUrl(busy, second.Id, day), [("Slot", BookableSlot.FormatKey(Utc(day, 10)))], "#book-form")).StatusCode);

        var response = await client.SubmitFormAsync(page, [("Slot", BookableSlot.FormatKey(Utc(day, 10))), ("Reason", "Needs a spine surgeon")], "#reschedule-form", url);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("That slot was just taken", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var unchanged = Assert.Single(await ConsultationsAsync(inquiry));
        Assert.Equal(first.Id, unchanged.ClinicianId);
        Assert.Equal(Utc(day, 9), unchanged.StartUtc);
        Assert.Equal(booked.IcsSequence, unchanged.IcsSequence);
    }

    private Task<IReadOnlyList<BookableSlot>> SlotsAsync(string clinicianId, DateOnly day) =>
        App.WithDbAsync(db => ActivatorUtilities.CreateInstance<BookableSlots>(App.Services, db).FindAsync(clinicianId, day, 1, default));
}

public sealed class OverlapAndMoveOnSqlite() : OverlapAndMoveTests(TestDatabaseKind.Sqlite);

public sealed class OverlapAndMoveOnPostgres() : OverlapAndMoveTests(TestDatabaseKind.Postgres);
