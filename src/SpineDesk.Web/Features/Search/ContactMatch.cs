using SpineDesk.Data.Intake;

namespace SpineDesk.Web.Features.Search;

/// <summary>A record found by the same phone or email: its id, when it began, and its contact keys.</summary>
public sealed record ContactCandidate(int Id, DateTime Since, string Phone, string? EmailKey, string? Number = null);

/// <summary>
/// How an inquiry or a patient is matched to an earlier one by contact details: looked up once by phone and once
/// by email (each on its own index, rather than an OR the planners may answer with a scan), the earlier of the two
/// kept, and what it shares said.
/// </summary>
public static class ContactMatch
{
    public static (ContactCandidate Earliest, DuplicateMatch Match)? Earliest(ContactCandidate? byPhone, ContactCandidate? byEmail, string phone, string? emailKey)
    {
        var earliest = new[] { byPhone, byEmail }.OfType<ContactCandidate>()
            .OrderBy(c => c.Since).ThenBy(c => c.Id)
            .FirstOrDefault();
        if (earliest is null)
        {
            return null;
        }

        var samePhone = earliest.Phone == phone;
        var sameEmail = emailKey is not null && earliest.EmailKey == emailKey;
        return (earliest, samePhone && sameEmail ? DuplicateMatch.PhoneAndEmail : samePhone ? DuplicateMatch.Phone : DuplicateMatch.Email);
    }
}
