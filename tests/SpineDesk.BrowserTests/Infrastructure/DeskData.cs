using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Features.Patients;

namespace SpineDesk.BrowserTests.Infrastructure;

/// <summary>What a desk page needs on screen, written straight to the database for one test.</summary>
public sealed record DeskClinic(
    TestStaff Coordinator,
    string ClinicianId,
    string SearchName,
    int BookedInquiryId,
    int ContactingInquiryId,
    int ConsultationId,
    int DuplicateId,
    int OriginalId,
    int TaskId,
    int PatientId);

public static class DeskData
{
    /// <summary>
    /// A coordinator; a clinician who works every day 09:00–17:00; an inquiry with attempts, a note, stage
    /// changes and a consultation booked for tomorrow, registered as a patient with a note of their own; another
    /// being contacted (to book, to register) with an overdue task about them; and a pair of duplicates (to
    /// merge). Every person carries one new surname, so a search finds just these. The coordinator owns the
    /// people being contacted, none tried yet, so My day lists calls and the task.
    /// </summary>
    public static async Task<DeskClinic> SeedDeskAsync(this SpineDeskServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var coordinator = await server.CreateStaffAsync("Coordinator");
        var clinician = await server.CreateStaffAsync("Clinician");
        var surname = Patients.UniqueName("Desk").Split(' ')[1];
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var coordinatorId = (await users.FindByEmailAsync(coordinator.Email))!.Id;
        var clinicianId = (await users.FindByEmailAsync(clinician.Email))!.Id;
        var db = scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
        var now = DateTime.UtcNow;

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            db.ClinicianAvailabilities.Add(new ClinicianAvailability
            {
                ClinicianId = clinicianId,
                Day = day,
                Start = new TimeOnly(9, 0),
                End = new TimeOnly(17, 0),
                SlotMinutes = 30,
                Location = "Room 2, 14 Harbour Street",
                OffersVideo = true,
            });
        }

        db.AvailabilityChanges.Add(new AvailabilityChange
        {
            ClinicianId = clinicianId,
            Date = DateOnly.FromDateTime(now).AddDays(20),
            Kind = AvailabilityChangeKind.Closed,
            Note = "Training day",
        });

        var booked = Person($"Bianca {surname}", "+12125550111", now.AddDays(-2), PipelineStage.ConsultationScheduled, coordinatorId);
        booked.FirstContactAttemptAt = now.AddDays(-2).AddHours(1);
        booked.ContactAttempts.Add(new ContactAttempt { At = now.AddDays(-2).AddHours(1), StaffUserId = coordinatorId, Channel = ContactChannel.Phone, Outcome = ContactOutcome.NoAnswer, Note = "No answer, will try again." });
        booked.ContactAttempts.Add(new ContactAttempt { At = now.AddDays(-1), StaffUserId = coordinatorId, Channel = ContactChannel.Phone, Outcome = ContactOutcome.Reached, Note = "Agreed a consultation." });
        booked.StageChanges.Add(new StageChange { At = now.AddDays(-2).AddHours(1), From = PipelineStage.New, To = PipelineStage.Contacting, StaffUserId = coordinatorId });
        booked.StageChanges.Add(new StageChange { At = now.AddDays(-1), From = PipelineStage.Contacting, To = PipelineStage.ConsultationScheduled, StaffUserId = coordinatorId });
        var contacting = Person($"Carl {surname}", "+12125550122", now.AddHours(-5), PipelineStage.Contacting, coordinatorId);
        var original = Person($"Dora {surname}", "+12125550133", now.AddDays(-3), PipelineStage.Contacting, coordinatorId);
        db.Inquiries.AddRange(booked, contacting, original);
        await db.SaveChangesAsync();

        var duplicate = Person($"Dora {surname}", "+12125550133", now.AddHours(-1), PipelineStage.New, null);
        duplicate.PossibleDuplicateOfId = original.Id;
        duplicate.PossibleDuplicateMatch = DuplicateMatch.Phone;
        db.Inquiries.Add(duplicate);
        db.Notes.Add(new Note { InquiryId = booked.Id, At = now.AddDays(-1).AddMinutes(5), StaffUserId = coordinatorId, Text = "Prefers mornings; bring the MRI report." });
        var tomorrow = DateOnly.FromDateTime(now.AddDays(1));
        var start = DateTime.SpecifyKind(tomorrow.ToDateTime(new TimeOnly(15, 0)), DateTimeKind.Utc);
        var consultation = new Consultation
        {
            InquiryId = booked.Id,
            ClinicianId = clinicianId,
            StartUtc = start,
            EndUtc = start.AddMinutes(30),
            Mode = ConsultationMode.InPerson,
            Location = "Room 2, 14 Harbour Street",
            Status = ConsultationStatus.Booked,
            BookedAt = now.AddDays(-1),
            BookedById = coordinatorId,
            IcsUid = $"{Guid.NewGuid():N}@spinedesk",
        };
        db.Consultations.Add(consultation);
        var task = new StaffTask
        {
            Title = $"Send Carl {surname} the exercise leaflet",
            Details = "He asked for it on the phone; the printed one, by post.",
            InquiryId = contacting.Id,
            OwnerId = coordinatorId,
            DueAt = now.AddMinutes(-30),
            Priority = TaskPriority.High,
            Status = StaffTaskStatus.Open,
            CreatedAt = now.AddHours(-2),
            CreatedById = coordinatorId,
        };
        db.Tasks.Add(task);
        await scope.ServiceProvider.GetRequiredService<PatientRegistry>().EnsureForAsync(booked, coordinatorId, new DateOnly(1971, 3, 27), CancellationToken.None);
        await db.SaveChangesAsync();
        db.Notes.Add(new Note { PatientId = booked.PatientId, At = now.AddHours(-3), StaffUserId = coordinatorId, Text = "MRI report received from the GP." });
        await db.SaveChangesAsync();
        return new DeskClinic(coordinator, clinicianId, surname, booked.Id, contacting.Id, consultation.Id, duplicate.Id, original.Id, task.Id, booked.PatientId!.Value);
    }

    private static Inquiry Person(string name, string phone, DateTime receivedAt, PipelineStage stage, string? ownerId) => new()
    {
        ReferenceNumber = ReferenceNumbers.New(),
        ReceivedAt = receivedAt,
        Name = name,
        Phone = phone,
        Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com",
        Language = "en",
        ConsentToContact = true,
        Message = "Low back pain for two years, worse when sitting.",
        Urgency = Urgency.Routine,
        Stage = stage,
        OwnerId = ownerId,
    };
}
