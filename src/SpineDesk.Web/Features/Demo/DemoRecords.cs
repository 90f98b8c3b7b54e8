using Bogus;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Patients;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Patients;

namespace SpineDesk.Web.Features.Demo;

/// <summary>
/// What the desk itself would have made around the demo's inquiries: a patient record for everyone whose history
/// reached a booked consultation (as booking does), and tasks, open ones about people still being contacted (so
/// My day has work in it for any coordinator) and done ones about the others.
/// </summary>
internal static class DemoRecords
{
    private static readonly string[] Titles =
    [
        "Send the information pack by post",
        "Chase the referral letter from the GP",
        "Ask for the previous MRI report",
        "Call back about costs",
    ];

    /// <summary>Adds the patients and tasks to the inquiries' graph (saved with them); returns the tasks made.</summary>
    public static IReadOnlyList<StaffTask> Add(IReadOnlyList<Inquiry> inquiries, DemoTeam team, int seed, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(inquiries);
        ArgumentNullException.ThrowIfNull(team);
        var random = new Randomizer(unchecked(seed + 3));
        var tasks = new List<StaffTask>();
        foreach (var inquiry in inquiries)
        {
            if (inquiry.StageChanges.FirstOrDefault(c => c.To == PipelineStage.ConsultationScheduled) is { } booked)
            {
                inquiry.Patient = new Patient
                {
                    PatientNumber = PatientNumbers.New(),
                    Name = inquiry.Name,
                    Phone = inquiry.Phone,
                    Email = inquiry.Email,
                    CreatedAt = booked.At,
                    CreatedById = booked.StaffUserId,
                };
            }

            if (!random.Bool(inquiry.IsOpen ? 0.4f : 0.1f))
            {
                continue;
            }

            var created = inquiry.IsOpen ? Min(now, inquiry.ReceivedAt.AddMinutes(random.Number(5, 120))) : inquiry.ReceivedAt.AddHours(random.Number(1, 24));
            var forRole = inquiry.OwnerId is null || random.Bool(0.4f);
            var task = new StaffTask
            {
                Title = Titles[random.Number(0, Titles.Length - 1)],
                Inquiry = inquiry,
                OwnerId = forRole ? null : inquiry.OwnerId,
                OwnerRole = forRole ? StaffRoles.Coordinator : null,
                // Open ones fall around today: some overdue, some later today, some tomorrow.
                DueAt = inquiry.IsOpen ? now.AddMinutes(random.Number(-6 * 60, 30 * 60)) : created.AddDays(1),
                Priority = random.Bool(0.25f) ? TaskPriority.High : random.Bool(0.2f) ? TaskPriority.Low : TaskPriority.Normal,
                Status = inquiry.IsOpen ? StaffTaskStatus.Open : StaffTaskStatus.Done,
                CreatedAt = created,
                CreatedById = Pick(random, team.Coordinators),
                ClosedAt = inquiry.IsOpen ? null : Min(now, created.AddDays(random.Number(0, 3))),
                ClosedById = inquiry.IsOpen ? null : Pick(random, team.Coordinators),
                Outcome = inquiry.IsOpen ? null : "Done.",
            };
            tasks.Add(task);
        }

        return tasks;
    }

    private static string Pick(Randomizer random, IReadOnlyList<string> ids) => ids[random.Number(0, ids.Count - 1)];

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
