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

namespace SpineDesk.BrowserTests.Infrastructure;

/// <summary>A coordinator's morning: who is in the clinic, and the people and work waiting for them.</summary>
public sealed record MorningClinic(
    TestStaff Coordinator,
    string CoordinatorId,
    string ClinicianName,
    string EmergencyName,
    int EmergencyId,
    string UrgentName,
    string RoutineName,
    int RoutineId,
    string TaskTitle);

public static class MorningData
{
    /// <summary>
    /// A coordinator who owns three people: an emergency and an urgent inquiry nobody has called yet (received
    /// eight and nine days ago, so their first call is due now whatever the day and hour, and earlier than
    /// anything another test leaves in the shared database; the urgent one arrived and is stored first, so only
    /// the urgency can put the emergency on top), and a routine person already reached who agreed
    /// to a consultation (nothing due). Plus one overdue task of the coordinator's, and a clinician with a
    /// name of their own who works every day 09:00–17:00 in 30-minute slots, in person or by video.
    /// </summary>
    public static async Task<MorningClinic> SeedMorningAsync(this SpineDeskServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var coordinator = await server.CreateStaffAsync("Coordinator");
        var clinician = await server.CreateStaffAsync("Clinician");
        var surname = Patients.UniqueName("Morning").Split(' ')[1];
        var clinicianName = $"Dr Olive {surname}";
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var coordinatorId = (await users.FindByEmailAsync(coordinator.Email))!.Id;
        var clinicianUser = (await users.FindByEmailAsync(clinician.Email))!;
        clinicianUser.DisplayName = clinicianName;
        var renamed = await users.UpdateAsync(clinicianUser);
        Assert.True(renamed.Succeeded, "Could not name the test clinician.");
        var db = scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
        var now = DateTime.UtcNow;

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            db.ClinicianAvailabilities.Add(new ClinicianAvailability
            {
                ClinicianId = clinicianUser.Id,
                Day = day,
                Start = new TimeOnly(9, 0),
                End = new TimeOnly(17, 0),
                SlotMinutes = 30,
                Location = "Room 3, 14 Harbour Street",
                OffersVideo = true,
            });
        }

        var emergency = Person($"Ellen {surname}", "+12125550171", now.AddDays(-8), Urgency.Emergency, PipelineStage.New, coordinatorId);
        emergency.Message = "Numbness between my legs since yesterday and my legs feel weak.";
        var urgent = Person($"Umar {surname}", "+12125550172", now.AddDays(-9), Urgency.Urgent, PipelineStage.New, coordinatorId);
        var routine = Person($"Rosa {surname}", "+12125550173", now.AddDays(-2), Urgency.Routine, PipelineStage.Contacting, coordinatorId);
        routine.FirstContactAttemptAt = now.AddDays(-1);
        routine.ContactAttempts.Add(new ContactAttempt { At = now.AddDays(-1), StaffUserId = coordinatorId, Channel = ContactChannel.Phone, Outcome = ContactOutcome.Reached, Note = "Would like a consultation, any weekday." });
        routine.StageChanges.Add(new StageChange { At = now.AddDays(-1), From = PipelineStage.New, To = PipelineStage.Contacting, StaffUserId = coordinatorId });
        db.Inquiries.AddRange(urgent, emergency, routine);
        await db.SaveChangesAsync();

        var taskTitle = $"Chase the MRI report for Rosa {surname}";
        db.Tasks.Add(new StaffTask
        {
            Title = taskTitle,
            InquiryId = routine.Id,
            OwnerId = coordinatorId,
            DueAt = now.AddMinutes(-20),
            Priority = TaskPriority.Normal,
            Status = StaffTaskStatus.Open,
            CreatedAt = now.AddDays(-1),
            CreatedById = coordinatorId,
        });
        await db.SaveChangesAsync();
        return new MorningClinic(coordinator, coordinatorId, clinicianName, emergency.Name, emergency.Id, urgent.Name, routine.Name, routine.Id, taskTitle);
    }

    private static Inquiry Person(string name, string phone, DateTime receivedAt, Urgency urgency, PipelineStage stage, string ownerId) => new()
    {
        ReferenceNumber = ReferenceNumbers.New(),
        ReceivedAt = receivedAt,
        Name = name,
        Phone = phone,
        Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com",
        Language = "en",
        ConsentToContact = true,
        Message = "Low back pain for two years, worse when sitting.",
        Urgency = urgency,
        Stage = stage,
        OwnerId = ownerId,
    };
}
