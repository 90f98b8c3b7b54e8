using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.Search;

/// <summary>How the search box was read: recorded in the audit log instead of the text, which may be patient data.</summary>
public enum SearchKind
{
    /// <summary>No text: the filters alone.</summary>
    Filters,
    Name,
    NameOrReference,
    Reference,
    Phone,
    PhoneEnding,
    Email,
}

/// <summary>What the search form sends.</summary>
public sealed record SearchCriteria(string? Text, PipelineStage? Stage, Urgency? Urgency, string? Owner, bool Overdue)
{
    /// <summary>The owner filter's value for inquiries nobody has claimed.</summary>
    public const string Unclaimed = "none";

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Stage is null && Urgency is null && string.IsNullOrEmpty(Owner) && !Overdue;
}

/// <summary>One line of the results.</summary>
public sealed record SearchRow(
    int Id,
    string ReferenceNumber,
    string Name,
    string Phone,
    string? Email,
    Urgency Urgency,
    PipelineStage Stage,
    string? Owner,
    DateTime ReceivedAt,
    DateTime? FirstContactAttemptAt,
    DateTime? NextAttemptAt,
    int? MergedIntoId,
    int? PatientId);

/// <summary>
/// Finds inquiries from one box: a name (any part, case and accents ignored), a phone number in any format
/// (the whole number, or its last seven or more digits), an email address (case ignored) or a reference
/// number typed loosely. Every match is on a column search can use: the stored E.164 phone, the lower-case
/// email key, the reference number, or the folded name key.
/// </summary>
public sealed class InquirySearch(SpineDeskDbContext db, PhoneNumberReader phones, TimeProvider time, ClinicCadence cadence)
{
    /// <summary>The fewest digits that make a number-like query a phone search rather than nothing useful.</summary>
    public const int MinimumPhoneDigits = 7;

    public (IQueryable<Inquiry> Query, SearchKind Kind) Build(SearchCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var (query, kind) = Match(db.Inquiries.AsNoTracking(), criteria.Text?.Trim());
        if (criteria.Stage is { } stage)
        {
            query = query.Where(i => i.Stage == stage);
        }

        if (criteria.Urgency is { } urgency)
        {
            query = query.Where(i => i.Urgency == urgency);
        }

        if (criteria.Owner == SearchCriteria.Unclaimed)
        {
            query = query.Where(i => i.OwnerId == null);
        }
        else if (!string.IsNullOrEmpty(criteria.Owner))
        {
            query = query.Where(i => i.OwnerId == criteria.Owner);
        }

        if (criteria.Overdue)
        {
            // Open, and either the planned next attempt has passed or nobody has tried within the first-contact target.
            var now = time.GetUtcNow().UtcDateTime;
            // The first-contact target is working time; each urgency's deadline becomes a receipt cut-off.
            var routineCutoff = cadence.OverdueReceiptCutoff(Urgency.Routine, now);
            var urgentCutoff = cadence.OverdueReceiptCutoff(Urgency.Urgent, now);
            var emergencyCutoff = cadence.OverdueReceiptCutoff(Urgency.Emergency, now);
            query = query.Where(i => (i.Stage == PipelineStage.New || i.Stage == PipelineStage.Contacting)
                && ((i.NextAttemptAt != null && i.NextAttemptAt <= now)
                    || (i.FirstContactAttemptAt == null
                        && (i.Urgency == Urgency.Routine ? i.ReceivedAt <= routineCutoff
                            : i.Urgency == Urgency.Urgent ? i.ReceivedAt <= urgentCutoff
                            : i.ReceivedAt <= emergencyCutoff))));
        }

        return (query, kind);
    }

    private (IQueryable<Inquiry>, SearchKind) Match(IQueryable<Inquiry> inquiries, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (inquiries, SearchKind.Filters);
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            var email = InquirySearchKeys.Email(text);
            return (inquiries.Where(i => i.EmailKey == email), SearchKind.Email);
        }

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (digits.Length >= MinimumPhoneDigits && text.All(c => char.IsAsciiDigit(c) || " +-().".Contains(c, StringComparison.Ordinal)))
        {
            if (phones.Normalize(text) is (string e164, null))
            {
                return (inquiries.Where(i => i.Phone == e164), SearchKind.Phone);
            }

            // Part of a number, such as the local part without the area code: match the end of the stored number.
            // The stored tail narrows it by index to the few numbers ending the same way (docs/benchmarks.md).
            var tail = InquirySearchKeys.PhoneTail(digits);
            return (inquiries.Where(i => i.PhoneTail == tail && i.Phone.EndsWith(digits)), SearchKind.PhoneEnding);
        }

        var reference = ReferenceNumbers.Normalize(text);
        // LIKE '%…%' rather than instr/strpos: PostgreSQL's trigram index answers it (docs/benchmarks.md). The key is
        // lower case and LIKE's wildcards in it are escaped, so it matches exactly what Contains would on both databases.
        var name = "%" + InquirySearchKeys.Name(text).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        if (reference is null)
        {
            return (inquiries.Where(i => EF.Functions.Like(i.NameKey, name, "\\")), SearchKind.Name);
        }

        // "SD-…" is surely a reference; eight letters and digits could also be part of a name ("Robinson").
        return text.StartsWith("SD", StringComparison.OrdinalIgnoreCase) && text.Any(char.IsAsciiDigit)
            ? (inquiries.Where(i => i.ReferenceNumber == reference), SearchKind.Reference)
            : (inquiries.Where(i => i.ReferenceNumber == reference || EF.Functions.Like(i.NameKey, name, "\\")), SearchKind.NameOrReference);
    }

    /// <summary>One page of results, newest first, with the total count.</summary>
    public static async Task<(IReadOnlyList<SearchRow> Rows, int Total)> PageAsync(
        IQueryable<Inquiry> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new SearchRow(
                i.Id,
                i.ReferenceNumber,
                i.Name,
                i.Phone,
                i.Email,
                i.Urgency,
                i.Stage,
                i.Owner == null ? null : i.Owner.DisplayName,
                i.ReceivedAt,
                i.FirstContactAttemptAt,
                i.NextAttemptAt,
                i.MergedIntoId,
                i.PatientId))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }
}
