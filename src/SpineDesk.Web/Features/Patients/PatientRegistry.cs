using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Patients;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Search;

namespace SpineDesk.Web.Features.Patients;

/// <summary>The patient an inquiry now belongs to, and how it was found.</summary>
/// <param name="PatientNumber">The patient's number.</param>
/// <param name="Created">True when a new patient was registered; false when an existing one was used.</param>
/// <param name="Match">For an existing patient found by contact details: what the inquiry shares with it.</param>
public sealed record PatientLink(string PatientNumber, bool Created, DuplicateMatch? Match)
{
    /// <summary>What the coordinator is told.</summary>
    public string Describe() => Created
        ? $"Registered as patient {PatientNumber}."
        : Match is { } match
            ? $"Linked to the existing patient {PatientNumber} ({DuplicateDetection.Describe(match)}). Check that this is the same person."
            : $"Already patient {PatientNumber}.";
}

/// <summary>
/// Makes the person behind an inquiry a patient of the clinic: the inquiry's patient if it has one; else an
/// existing patient with the same phone (E.164) or email (case ignored), so that one person is not registered
/// twice; else a new patient from the inquiry's details. Adds to the caller's unit of work (patient, link and
/// audit rows) without saving, so that registration is saved with whatever caused it, such as a booking.
/// </summary>
public sealed class PatientRegistry(SpineDeskDbContext db, AuditLog audit, TimeProvider time)
{
    public const string CreateAction = "patient.create";

    public const string LinkAction = "inquiry.patient";

    public async Task<PatientLink> EnsureForAsync(Inquiry inquiry, string staffId, DateOnly? dateOfBirth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        if (inquiry.PatientId is { } existingId)
        {
            var number = await db.Patients.Where(p => p.Id == existingId).Select(p => p.PatientNumber).SingleAsync(cancellationToken);
            return new PatientLink(number, Created: false, Match: null);
        }

        var found = await FindByContactAsync(db, inquiry.Phone, inquiry.Email, cancellationToken);
        if (found is not null)
        {
            var patient = await db.Patients.SingleAsync(p => p.Id == found.Value.Id, cancellationToken);
            inquiry.Patient = patient;
            if (patient.DateOfBirth is null && dateOfBirth is not null)
            {
                patient.DateOfBirth = dateOfBirth;
                audit.Add("patient.update", PatientAudit.EntityType, patient.PatientNumber, "Date of birth added");
            }

            Audit(inquiry, patient, $"Linked to the existing patient ({DuplicateDetection.Describe(found.Value.Match)})");
            return new PatientLink(patient.PatientNumber, Created: false, found.Value.Match);
        }

        var created = new Patient
        {
            PatientNumber = PatientNumbers.New(),
            Name = inquiry.Name,
            DateOfBirth = dateOfBirth,
            Phone = inquiry.Phone,
            Email = inquiry.Email,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedById = staffId,
        };
        db.Patients.Add(created);
        inquiry.Patient = created;
        audit.Add(CreateAction, PatientAudit.EntityType, created.PatientNumber, $"Registered from inquiry {inquiry.ReferenceNumber}");
        Audit(inquiry, created, "Registered as a new patient");
        return new PatientLink(created.PatientNumber, Created: true, Match: null);
    }

    private void Audit(Inquiry inquiry, Patient patient, string how) =>
        audit.Add(LinkAction, InquiryModel.EntityType, inquiry.Id.ToString(CultureInfo.InvariantCulture), $"{how}: {patient.PatientNumber}");

    /// <summary>
    /// The earliest registered patient with this phone or email, and what matched; null when none. Two lookups,
    /// each on its own index, as for inquiries (<see cref="ContactMatch"/>).
    /// </summary>
    public static async Task<(int Id, string PatientNumber, DuplicateMatch Match)?> FindByContactAsync(
        SpineDeskDbContext db, string phone, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var emailKey = InquirySearchKeys.Email(email);
        var byPhone = await EarliestAsync(db.Patients.Where(p => p.Phone == phone), cancellationToken);
        var byEmail = emailKey is null ? null : await EarliestAsync(db.Patients.Where(p => p.EmailKey == emailKey), cancellationToken);
        return ContactMatch.Earliest(byPhone, byEmail, phone, emailKey) is { } found
            ? (found.Earliest.Id, found.Earliest.Number!, found.Match)
            : null;
    }

    private static Task<ContactCandidate?> EarliestAsync(IQueryable<Patient> matches, CancellationToken cancellationToken) =>
        matches.AsNoTracking()
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new ContactCandidate(p.Id, p.CreatedAt, p.Phone, p.EmailKey, p.PatientNumber))
            .FirstOrDefaultAsync(cancellationToken);
}
