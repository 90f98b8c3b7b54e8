using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Patients;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Tasks;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>The result of a booking change: a message to show, or an error by the field it concerns.</summary>
public sealed record BookingOutcome(bool Succeeded, string Message, string? Field = null, bool Conflict = false, int? ConsultationId = null)
{
    public static BookingOutcome Refused(string field, string message) => new(false, message, field);

    public static BookingOutcome Clash(string message) => new(false, message, "slot", Conflict: true);
}

/// <summary>
/// Books, moves and cancels consultations. Each change, its pipeline move, its audit rows and its email are
/// saved together. Double booking is refused by the database's unique index on active bookings: when two
/// coordinators take the same slot at once, the second save fails as a whole and is told the slot was taken.
/// Booking a New inquiry moves it to Contacting first (reaching the person to agree a time is the contact),
/// then to Consultation scheduled, each step through <see cref="PipelineStateMachine"/>.
/// </summary>
public sealed class ConsultationBooking(SpineDeskDbContext db, AuditLog audit, ConsultationMail mail, BookableSlots slots, ClinicClock clock, PatientRegistry patients, TaskRules rules)
{
    public const string SlotTakenMessage =
        "That slot was just taken by another booking. Nothing was booked; please choose another time.";

    public const string ChangedMessage =
        "Someone else changed this booking or inquiry while you were looking at it. Nothing was changed; here is the latest version.";

    public async Task<BookingOutcome> BookAsync(Inquiry inquiry, string clinicianId, DateTime startUtc, ConsultationMode mode, string staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        if (inquiry.Stage is not (PipelineStage.New or PipelineStage.Contacting))
        {
            return BookingOutcome.Refused("slot", $"This inquiry is at \"{PipelineStateMachine.Describe(inquiry.Stage)}\"; a consultation is booked only for a new inquiry or one being contacted. Reschedule its consultation instead.");
        }

        var slot = await slots.FindOneAsync(clinicianId, startUtc, cancellationToken);
        if (slot is null)
        {
            return await IsTakenAsync(clinicianId, startUtc, cancellationToken)
                ? BookingOutcome.Clash(SlotTakenMessage)
                : BookingOutcome.Refused("slot", "That time is not bookable with this clinician. Choose one of the times listed.");
        }

        if (mode == ConsultationMode.Video && !slot.OffersVideo)
        {
            return BookingOutcome.Refused("mode", "This clinician does not take video consultations at that time. Choose in person, or another time.");
        }

        var clinicianName = await ClinicianNameAsync(clinicianId, cancellationToken);
        var consultation = new Consultation
        {
            InquiryId = inquiry.Id,
            Inquiry = inquiry,
            ClinicianId = clinicianId,
            StartUtc = slot.StartUtc,
            EndUtc = slot.EndUtc,
            Mode = mode,
            Location = mode == ConsultationMode.InPerson ? slot.Location : null,
            Status = ConsultationStatus.Booked,
            BookedAt = clock.UtcNow,
            BookedById = staffId,
            IcsUid = $"{Guid.NewGuid():N}@spinedesk",
        };
        db.Consultations.Add(consultation);
        if (inquiry.Stage == PipelineStage.New)
        {
            Move(inquiry, PipelineStage.Contacting, staffId);
        }

        Move(inquiry, PipelineStage.ConsultationScheduled, staffId);
        inquiry.NextAttemptAt = null;
        // A person becomes a patient of the clinic when a consultation is scheduled (DESIGN §4.5).
        var patient = await patients.EnsureForAsync(inquiry, staffId, dateOfBirth: null, cancellationToken);
        audit.Add("consultation.book", InquiryModel.EntityType, Key(inquiry.Id), $"With {clinicianName} on {clock.Format(slot.StartUtc)}, {Describe(mode)}");
        var emailed = mail.Enqueue(ConsultationMailKind.Confirmation, consultation, inquiry, clinicianName);
        var outcome = await SaveAsync(clinicianId, slot.StartUtc, cancellationToken);
        var registered = patient.Created || patient.Match is not null ? $" {patient.Describe()}" : "";
        return outcome ?? new BookingOutcome(true, Said($"Booked with {clinicianName} on {clock.Format(slot.StartUtc)}.", emailed) + registered, ConsultationId: consultation.Id);
    }

    public async Task<BookingOutcome> RescheduleAsync(Consultation consultation, DateTime startUtc, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        if (Refuse(consultation, reason, "reschedule-reason", "Say why the consultation is moving.") is { } refused)
        {
            return refused;
        }

        var slot = await slots.FindOneAsync(consultation.ClinicianId, startUtc, cancellationToken);
        if (slot is null)
        {
            return await IsTakenAsync(consultation.ClinicianId, startUtc, cancellationToken)
                ? BookingOutcome.Clash(SlotTakenMessage)
                : BookingOutcome.Refused("slot", "That time is not bookable with this clinician. Choose one of the times listed.");
        }

        if (consultation.Mode == ConsultationMode.Video && !slot.OffersVideo)
        {
            return BookingOutcome.Refused("slot", "The clinician does not take video consultations at that time. Choose another time.");
        }

        var was = clock.Format(consultation.StartUtc);
        consultation.StartUtc = slot.StartUtc;
        consultation.EndUtc = slot.EndUtc;
        consultation.Location = consultation.Mode == ConsultationMode.InPerson ? slot.Location : null;
        consultation.RescheduleReason = reason!.Trim();
        consultation.IcsSequence++;
        consultation.ReminderQueuedAt = null;
        var clinicianName = await ClinicianNameAsync(consultation.ClinicianId, cancellationToken);
        audit.Add("consultation.reschedule", InquiryModel.EntityType, Key(consultation.InquiryId), $"Consultation {consultation.Id}: {was} → {clock.Format(slot.StartUtc)}. Reason: {consultation.RescheduleReason}");
        var emailed = mail.Enqueue(ConsultationMailKind.Update, consultation, consultation.Inquiry!, clinicianName);
        return await SaveAsync(consultation.ClinicianId, slot.StartUtc, cancellationToken)
            ?? new BookingOutcome(true, Said($"Moved to {clock.Format(slot.StartUtc)}.", emailed));
    }

    public async Task<BookingOutcome> CancelAsync(Consultation consultation, string? reason, string staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        if (Refuse(consultation, reason, "cancel-reason", "Say why the consultation is cancelled.") is { } refused)
        {
            return refused;
        }

        consultation.Status = ConsultationStatus.Cancelled;
        consultation.CancelReason = reason!.Trim();
        consultation.IcsSequence++;
        ReturnToQueue(consultation.Inquiry!, staffId);
        var clinicianName = await ClinicianNameAsync(consultation.ClinicianId, cancellationToken);
        audit.Add("consultation.cancel", InquiryModel.EntityType, Key(consultation.InquiryId), $"Consultation {consultation.Id} on {clock.Format(consultation.StartUtc)}. Reason: {consultation.CancelReason}");
        var emailed = mail.Enqueue(ConsultationMailKind.Cancellation, consultation, consultation.Inquiry!, clinicianName);
        return await SaveAsync(null, default, cancellationToken)
            ?? new BookingOutcome(true, Said("Cancelled; the inquiry is back in the queue.", emailed));
    }

    /// <summary>Records that the person did not come (or that they did), once the start time has passed.</summary>
    public async Task<BookingOutcome> RecordOutcomeAsync(Consultation consultation, ConsultationStatus outcome, string? note, string staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        if (consultation.Status != ConsultationStatus.Booked)
        {
            return BookingOutcome.Refused("outcome", "Only a booked consultation can be marked; this one is no longer booked.");
        }

        if (consultation.StartUtc > clock.UtcNow)
        {
            return BookingOutcome.Refused("outcome", "The consultation has not started yet. Mark it after its start time, or cancel it.");
        }

        consultation.Status = outcome;
        var inquiry = consultation.Inquiry!;
        if (outcome == ConsultationStatus.NoShow)
        {
            consultation.CancelReason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            ReturnToQueue(inquiry, staffId);
            audit.Add("consultation.no-show", InquiryModel.EntityType, Key(inquiry.Id), $"Consultation {consultation.Id} on {clock.Format(consultation.StartUtc)}");
            // Saved with the no-show or not at all: whoever looks after the person calls them back.
            rules.NoShowCallBack(consultation, inquiry, await ClinicianNameAsync(consultation.ClinicianId, cancellationToken), staffId);
        }
        else
        {
            if (inquiry.Stage == PipelineStage.ConsultationScheduled)
            {
                Move(inquiry, PipelineStage.Evaluated, staffId);
            }

            audit.Add("consultation.complete", InquiryModel.EntityType, Key(inquiry.Id), $"Consultation {consultation.Id} on {clock.Format(consultation.StartUtc)}");
        }

        return await SaveAsync(null, default, cancellationToken)
            ?? new BookingOutcome(true, outcome == ConsultationStatus.NoShow ? "Recorded as a no-show; the inquiry is back in the queue with a call-back task." : "Recorded as held.");
    }

    private static BookingOutcome? Refuse(Consultation consultation, string? reason, string field, string missing) =>
        consultation.Status != ConsultationStatus.Booked
            ? BookingOutcome.Refused(field, "This consultation is no longer booked, so it cannot be changed.")
            : string.IsNullOrWhiteSpace(reason) ? BookingOutcome.Refused(field, missing)
            : reason.Trim().Length > 1000 ? BookingOutcome.Refused(field, "Keep the reason under 1,000 characters.")
            : null;

    /// <summary>A missed or cancelled consultation sends the person back to the coordinators, due now.</summary>
    private void ReturnToQueue(Inquiry inquiry, string staffId)
    {
        if (inquiry.Stage == PipelineStage.ConsultationScheduled)
        {
            Move(inquiry, PipelineStage.Contacting, staffId);
            inquiry.NextAttemptAt = clock.UtcNow;
        }
    }

    private void Move(Inquiry inquiry, PipelineStage to, string staffId)
    {
        var from = inquiry.Stage;
        inquiry.Stage = PipelineStateMachine.Move(from, to);
        db.StageChanges.Add(new StageChange { InquiryId = inquiry.Id, At = clock.UtcNow, From = from, To = to, StaffUserId = staffId });
        audit.Add("inquiry.stage", InquiryModel.EntityType, Key(inquiry.Id), $"{PipelineStateMachine.Describe(from)} → {PipelineStateMachine.Describe(to)}");
    }

    /// <summary>Saves; null when saved, else what the coordinator is told (the unit of work is discarded).</summary>
    private async Task<BookingOutcome?> SaveAsync(string? clinicianId, DateTime startUtc, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new BookingOutcome(false, ChangedMessage, "actions", Conflict: true);
        }
        catch (DbUpdateException) when (clinicianId is not null)
        {
            db.ChangeTracker.Clear();
            if (await IsTakenAsync(clinicianId, startUtc, cancellationToken))
            {
                return BookingOutcome.Clash(SlotTakenMessage);
            }

            throw;
        }
    }

    private Task<bool> IsTakenAsync(string clinicianId, DateTime startUtc, CancellationToken cancellationToken) =>
        db.Consultations.AnyAsync(c => c.ClinicianId == clinicianId && c.StartUtc == startUtc && c.Status == ConsultationStatus.Booked, cancellationToken);

    private async Task<string> ClinicianNameAsync(string clinicianId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == clinicianId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "the clinician";

    private static string Said(string done, bool emailed) =>
        emailed ? $"{done} The email with the calendar invitation is on its way." : $"{done} The person gave no email address: tell them by phone.";

    public static string Describe(ConsultationMode mode) => mode == ConsultationMode.Video ? "video" : "in person";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
