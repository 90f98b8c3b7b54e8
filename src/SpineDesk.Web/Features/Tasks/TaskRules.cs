using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Queue;

namespace SpineDesk.Web.Features.Tasks;

/// <summary>
/// Tasks SpineDesk makes by itself when something happens. Each rule adds its task to the caller's unit of
/// work, so the task is saved with the event that caused it or not at all; a unique index on (rule,
/// consultation) keeps a rule from making the same task twice.
/// </summary>
public sealed class TaskRules(SpineDeskDbContext db, AuditLog audit, ClinicClock clock, ClinicCadence cadence)
{
    public const string NoShowRule = "consultation-no-show";

    /// <summary>
    /// The person missed their consultation: whoever looks after them (the inquiry's owner, or any coordinator
    /// when nobody has claimed it) should call them back, with high priority, as soon as the clinic is open.
    /// </summary>
    public StaffTask NoShowCallBack(Consultation consultation, Inquiry inquiry, string clinicianName, string recordedById)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(inquiry);
        var now = clock.UtcNow;
        var task = new StaffTask
        {
            Title = "Call back after a missed consultation",
            Details = $"Did not attend the consultation on {clock.Format(consultation.StartUtc)} with {clinicianName}. "
                + "Call to check they are all right, ask what happened and offer a new time.",
            InquiryId = inquiry.Id,
            OwnerId = inquiry.OwnerId,
            OwnerRole = inquiry.OwnerId is null ? StaffRoles.Coordinator : null,
            DueAt = cadence.Calendar.NextOpen(now),
            Priority = TaskPriority.High,
            Status = StaffTaskStatus.Open,
            CreatedAt = now,
            CreatedById = recordedById,
            Rule = NoShowRule,
            ConsultationId = consultation.Id,
        };
        db.Tasks.Add(task);
        audit.Add("task.create", InquiryModel.EntityType, inquiry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Call-back task made by rule {NoShowRule} for consultation {consultation.Id}");
        return task;
    }
}
