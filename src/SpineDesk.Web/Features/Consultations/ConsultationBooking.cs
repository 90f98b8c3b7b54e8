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
            return await NotBookableAsync(clinicianId, startUtc, null, cancellationToken);
        }

        if (mode == ConsultationMode.Video && !slot.OffersVideo)
        {
            return BookingOutcome.Refused("mode", "This clinician does not take video consultations at that time. Choose in person, or another time.");
        }

        var clinician = await ClinicianAsync(clinicianId, cancellationToken);
        var clinicianName = clinician.Name;
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
        var emailed = mail.Enqueue(ConsultationMailKind.Confirmation, consultation, inquiry, clinician);
        var outcome = await SaveAsync(clinicianId, slot.StartUtc, slot.EndUtc, null, cancellationToken);
        var registered = patient.Created || patient.Match is not null ? $" {patient.Describe()}" : "";
        return outcome ?? new BookingOutcome(true, Said($"Booked with {clinicianName} on {clock.Format(slot.StartUtc)}.", emailed) + registered, ConsultationId: consultation.Id);
    }

    /// <summary>
    /// Moves the consultation to another time, with the same clinician or another (<paramref name="clinicianId"/>;
    /// null keeps the clinician). The invitation keeps its UID and raises its SEQUENCE; a clinician taken off
    /// the consultation is sent a cancellation, and their time is free again.
    /// </summary>
    public async Task<BookingOutcome> RescheduleAsync(Consultation consultation, string? clinicianId, DateTime startUtc, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        if (Refuse(consultation, reason, "reschedule-reason", "Say why the consultation is moving.") is { } refused)
        {
            return refused;
        }

        var toId = string.IsNullOrEmpty(clinicianId) ? consultation.ClinicianId : clinicianId;
        var slot = await slots.FindOneAsync(toId, startUtc, cancellationToken);
        if (slot is null)
        {
            return await NotBookableAsync(toId, startUtc, consultation.Id, cancellationToken);
        }

        if (consultation.Mode == ConsultationMode.Video && !slot.OffersVideo)
        {
            return BookingOutcome.Refused("slot", "The clinician does not take video consultations at that time. Choose another time.");
        }

        var changesClinician = toId != consultation.ClinicianId;
        var from = await ClinicianAsync(consultation.ClinicianId, cancellationToken);
        var to = changesClinician ? await ClinicianAsync(toId, cancellationToken) : from;
        var was = clock.Format(consultation.StartUtc);
        consultation.IcsSequence++;
        if (changesClinician)
        {
            // Built now, while the consultation still holds the old clinician's time and place.
            mail.EnqueueTakenOff(consultation, consultation.Inquiry!, from);
        }

        consultation.ClinicianId = toId;
        consultation.StartUtc = slot.StartUtc;
        consultation.EndUtc = slot.EndUtc;
        consultation.Location = consultation.Mode == ConsultationMode.InPerson ? slot.Location : null;
        consultation.RescheduleReason = reason!.Trim();
        consultation.ReminderQueuedAt = null;
        var moved = !changesClinician ? "" : $" From {from.Name} to {to.Name}.";
        audit.Add("consultation.reschedule", InquiryModel.EntityType, Key(consultation.InquiryId), $"Consultation {consultation.Id}: {was} → {clock.Format(slot.StartUtc)}.{moved} Reason: {consultation.RescheduleReason}");
        var emailed = mail.Enqueue(ConsultationMailKind.Update, consultation, consultation.Inquiry!, to);
        var with = !changesClinician ? "" : $" with {to.Name}";
        return await SaveAsync(toId, slot.StartUtc, slot.EndUtc, consultation.Id, cancellationToken)
            ?? new BookingOutcome(true, Said($"Moved to {clock.Format(slot.StartUtc)}{with}.", emailed));
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
        var clinician = await ClinicianAsync(consultation.ClinicianId, cancellationToken);
        audit.Add("consultation.cancel", InquiryModel.EntityType, Key(consultation.InquiryId), $"Consultation {consultation.Id} on {clock.Format(consultation.StartUtc)}. Reason: {consultation.CancelReason}");
        var emailed = mail.Enqueue(ConsultationMailKind.Cancellation, consultation, consultation.Inquiry!, clinician);
        return await SaveAsync(null, default, default, null, cancellationToken)
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
            rules.NoShowCallBack(consultation, inquiry, (await ClinicianAsync(consultation.ClinicianId, cancellationToken)).Name, staffId);
        }
        else
        {
            if (inquiry.Stage == PipelineStage.ConsultationScheduled)
            {
                Move(inquiry, PipelineStage.Evaluated, staffId);
            }

            audit.Add("consultation.complete", InquiryModel.EntityType, Key(inquiry.Id), $"Consultation {consultation.Id} on {clock.Format(consultation.StartUtc)}");
        }

        return await SaveAsync(null, default, default, null, cancellationToken)
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
    /// <remarks>
    /// The database refuses a booking that overlaps another active one of the clinician (a unique index on the
    /// start, and an exclusion constraint or triggers on the whole time): that is told as the slot being taken.
    /// </remarks>
    private async Task<BookingOutcome?> SaveAsync(string? clinicianId, DateTime startUtc, DateTime endUtc, int? movingId, CancellationToken cancellationToken)
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
            if (await IsTakenAsync(clinicianId, startUtc, endUtc, movingId, cancellationToken))
            {
                return BookingOutcome.Clash(SlotTakenMessage);
            }

            throw;
        }
    }

    /// <summary>Why a time the slot list does not offer cannot be booked: taken meanwhile, or never bookable.</summary>
    private async Task<BookingOutcome> NotBookableAsync(string clinicianId, DateTime startUtc, int? movingId, CancellationToken cancellationToken) =>
        await slots.FindPlannedAsync(clinicianId, startUtc, cancellationToken) is { } planned
            && await IsTakenAsync(clinicianId, planned.StartUtc, planned.EndUtc, movingId, cancellationToken)
            ? BookingOutcome.Clash(SlotTakenMessage)
            : BookingOutcome.Refused("slot", "That time is not bookable with this clinician. Choose one of the times listed.");

    /// <summary>True when another active consultation of the clinician overlaps [start, end).</summary>
    private Task<bool> IsTakenAsync(string clinicianId, DateTime startUtc, DateTime endUtc, int? movingId, CancellationToken cancellationToken) =>
        db.Consultations.AnyAsync(
            c => c.ClinicianId == clinicianId && c.Status == ConsultationStatus.Booked && c.Id != movingId
                && c.StartUtc < endUtc && c.EndUtc > startUtc,
            cancellationToken);

    private async Task<ClinicianContact> ClinicianAsync(string clinicianId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == clinicianId).Select(u => new ClinicianContact(u.DisplayName, u.Email)).SingleOrDefaultAsync(cancellationToken)
            ?? new ClinicianContact("the clinician", null);

    private static string Said(string done, bool emailed) =>
        emailed ? $"{done} The email with the calendar invitation is on its way." : $"{done} The person gave no email address: tell them by phone.";

    public static string Describe(ConsultationMode mode) => mode == ConsultationMode.Video ? "video" : "in person";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
