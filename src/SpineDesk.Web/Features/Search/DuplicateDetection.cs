using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Patients;

namespace SpineDesk.Web.Features.Search;

/// <summary>
/// Notices when a new inquiry comes from someone the clinic may already know: an earlier inquiry with the
/// same phone number (both are stored in E.164, so any way of typing it matches) or the same email address
/// (case ignored), and a registered patient with the same phone or email. It only marks the new inquiry for a
/// coordinator to check, merge or register; the person's request is stored whatever it finds.
/// </summary>
public static class DuplicateDetection
{
    /// <summary>Points <paramref name="inquiry"/> (not yet saved) at the earliest matching inquiry still standing on its own.</summary>
    public static async Task MarkAsync(SpineDeskDbContext db, Inquiry inquiry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inquiry);
        var emailKey = InquirySearchKeys.Email(inquiry.Email);
        if (await PatientRegistry.FindByContactAsync(db, inquiry.Phone, inquiry.Email, cancellationToken) is { } patient)
        {
            inquiry.PossiblePatientId = patient.Id;
            inquiry.PossiblePatientMatch = patient.Match;
        }

        // Two lookups, each on its own index, rather than an OR the planners may answer with a scan.
        var byPhone = await EarliestAsync(db.Inquiries.Where(i => i.Phone == inquiry.Phone), cancellationToken);
        var byEmail = emailKey is null ? null : await EarliestAsync(db.Inquiries.Where(i => i.EmailKey == emailKey), cancellationToken);
        if (ContactMatch.Earliest(byPhone, byEmail, inquiry.Phone, emailKey) is { } found)
        {
            inquiry.PossibleDuplicateOfId = found.Earliest.Id;
            inquiry.PossibleDuplicateMatch = found.Match;
        }
    }

    private static Task<ContactCandidate?> EarliestAsync(IQueryable<Inquiry> matches, CancellationToken cancellationToken) =>
        matches.AsNoTracking()
            .Where(i => i.MergedIntoId == null)
            .OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id)
            .Select(i => new ContactCandidate(i.Id, i.ReceivedAt, i.Phone, i.EmailKey, null))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Words for the notice on the inquiry page: "same phone", "same email", "same phone and email".</summary>
    public static string Describe(DuplicateMatch? match) => match switch
    {
        DuplicateMatch.Phone => "same phone",
        DuplicateMatch.Email => "same email",
        DuplicateMatch.PhoneAndEmail => "same phone and email",
        _ => "same contact details",
    };
}
