using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Queue;

namespace SpineDesk.Web.Features.Search;

public enum MergeResult
{
    Merged,
    NotFound,
    Refused,
    Conflict,
}

/// <summary>What became of a merge, with the words to show.</summary>
public sealed record MergeOutcome(MergeResult Result, string? Message = null);

/// <summary>
/// Merges one inquiry into another (the survivor) and loses nothing: every record of the merged inquiry is
/// re-pointed to the survivor, what the survivor lacks is filled from the merged one, and the merged inquiry
/// stays in the database, closed as a duplicate and pointing to the survivor. One transaction, conditional on
/// the versions of both inquiries the coordinator compared.
/// </summary>
public sealed class InquiryMerge(SpineDeskDbContext db, AuditLog audit, TimeProvider time)
{
    public const string Action = "inquiry.merge";

    public async Task<MergeOutcome> MergeAsync(
        int survivorId, int survivorVersion, int mergedId, int mergedVersion, string staffUserId, CancellationToken cancellationToken)
    {
        if (survivorId == mergedId)
        {
            return new(MergeResult.Refused, "An inquiry cannot be merged into itself. Choose two different inquiries.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pair = await db.Inquiries.Where(i => i.Id == survivorId || i.Id == mergedId).ToListAsync(cancellationToken);
        var survivor = pair.SingleOrDefault(i => i.Id == survivorId);
        var merged = pair.SingleOrDefault(i => i.Id == mergedId);
        if (survivor is null || merged is null)
        {
            return new(MergeResult.NotFound);
        }

        if (survivor.Version != survivorVersion || merged.Version != mergedVersion)
        {
            return new(MergeResult.Conflict);
        }

        if (Refusal(survivor, merged) is { } refusal)
        {
            return new(MergeResult.Refused, refusal);
        }

        await RepointAsync(mergedId, survivorId, cancellationToken);
        var filled = Fill(survivor, merged);
        var closed = Close(merged, survivor.Id, staffUserId);
        var patients = await PatientNoteAsync(survivor, merged, cancellationToken);

        // The survivor's records changed even when none of its fields did: raise its version too.
        db.Entry(survivor).Property(i => i.Version).IsModified = true;
        db.ExpectVersion(survivor, survivorVersion);
        db.ExpectVersion(merged, mergedVersion);
        audit.Add(Action, InquiryModel.EntityType, Key(survivor.Id),
            $"{merged.ReferenceNumber} merged into this inquiry" + (filled.Count > 0 ? $"; filled from it: {string.Join(", ", filled)}" : "") + patients);
        audit.Add(Action, InquiryModel.EntityType, Key(merged.Id),
            $"Merged into {survivor.ReferenceNumber}" + (closed ? "; closed as a duplicate" : "; was already closed") + patients);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new(MergeResult.Conflict);
        }

        return new(MergeResult.Merged, $"{merged.ReferenceNumber} was merged into this inquiry: its attempts, history, notes, answers and emails are now here.");
    }

    private static string? Refusal(Inquiry survivor, Inquiry merged)
    {
        if (survivor.Stage == PipelineStage.Closed)
        {
            return $"{survivor.ReferenceNumber} is closed, so nothing can be merged into it. Choose the other inquiry as the one to keep.";
        }

        if (survivor.MergedIntoId is not null)
        {
            return $"{survivor.ReferenceNumber} has itself been merged into another inquiry. Merge into that one instead.";
        }

        return merged.MergedIntoId is not null
            ? $"{merged.ReferenceNumber} has already been merged into another inquiry."
            : null;
    }

    /// <summary>Moves every record of the merged inquiry to the survivor, table by table, in the open transaction.</summary>
    private async Task RepointAsync(int from, int to, CancellationToken cancellationToken)
    {
        int? toNullable = to;
        await db.ContactAttempts.Where(a => a.InquiryId == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.InquiryId, to), cancellationToken);
        await db.StageChanges.Where(c => c.InquiryId == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.InquiryId, to), cancellationToken);
        await db.QuestionnaireResponses.Where(r => r.InquiryId == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.InquiryId, toNullable), cancellationToken);
        await db.ScoreObservations.Where(o => o.InquiryId == from).ExecuteUpdateAsync(s => s.SetProperty(o => o.InquiryId, toNullable), cancellationToken);
        await db.OutboxMessages.Where(m => m.InquiryId == from).ExecuteUpdateAsync(s => s.SetProperty(m => m.InquiryId, toNullable), cancellationToken);
        await db.SelfAssessments.Where(a => a.InquiryId == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.InquiryId, toNullable), cancellationToken);
        await db.Consultations.Where(c => c.InquiryId == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.InquiryId, to), cancellationToken);
        await db.Notes.Where(n => n.InquiryId == from).ExecuteUpdateAsync(s => s.SetProperty(n => n.InquiryId, toNullable), cancellationToken);
        // Inquiries merged into, or flagged against, the merged one now point at the survivor.
        await db.Inquiries.Where(i => i.MergedIntoId == from).ExecuteUpdateAsync(s => s.SetProperty(i => i.MergedIntoId, toNullable), cancellationToken);
        await db.Inquiries.Where(i => i.PossibleDuplicateOfId == from && i.Id != to)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.PossibleDuplicateOfId, toNullable), cancellationToken);
    }

    /// <summary>Fills what the survivor lacks from the merged inquiry; returns the names of what was filled.</summary>
    private static List<string> Fill(Inquiry survivor, Inquiry merged)
    {
        var filled = new List<string>();
        if (survivor.Email is null && merged.Email is not null)
        {
            survivor.Email = merged.Email;
            filled.Add("email");
        }

        if (survivor.Message is null && merged.Message is not null)
        {
            survivor.Message = merged.Message;
            filled.Add("message");
        }

        if (survivor.OwnerId is null && merged.OwnerId is not null)
        {
            survivor.OwnerId = merged.OwnerId;
            filled.Add("owner");
        }

        if (merged.FirstContactAttemptAt is { } first && (survivor.FirstContactAttemptAt is null || first < survivor.FirstContactAttemptAt))
        {
            survivor.FirstContactAttemptAt = first;
            filled.Add("first contact attempt");
        }

        if (survivor.IsOpen && merged.IsOpen && merged.NextAttemptAt is { } next && (survivor.NextAttemptAt is null || next < survivor.NextAttemptAt))
        {
            survivor.NextAttemptAt = next;
            filled.Add("next attempt");
        }

        // A red flag reported on either inquiry stays in sight, and with it the higher urgency.
        var flags = survivor.RedFlags.Union(merged.RedFlags).Order().ToList();
        if (flags.Count > survivor.RedFlags.Count)
        {
            survivor.RedFlags = flags;
            filled.Add("red flags");
        }

        if (merged.Urgency > survivor.Urgency)
        {
            survivor.Urgency = merged.Urgency;
            filled.Add("urgency");
        }

        // The person's patient record carries over; when both inquiries already have one, each keeps its own
        // (see PatientNoteAsync) rather than losing either.
        if (survivor.PatientId is null && merged.PatientId is not null)
        {
            survivor.PatientId = merged.PatientId;
            filled.Add("patient");
        }

        if (survivor.PossiblePatientId is null && merged.PossiblePatientId is not null)
        {
            survivor.PossiblePatientId = merged.PossiblePatientId;
            survivor.PossiblePatientMatch = merged.PossiblePatientMatch;
        }

        if (survivor.PossibleDuplicateOfId == merged.Id)
        {
            survivor.PossibleDuplicateOfId = null;
            survivor.PossibleDuplicateMatch = null;
        }

        return filled;
    }

    /// <summary>
    /// For the audit rows: which patient records the two inquiries belong to after the merge, when the
    /// merged one belongs to a different patient than the survivor (both records stay; nothing is moved
    /// between patients).
    /// </summary>
    private async Task<string> PatientNoteAsync(Inquiry survivor, Inquiry merged, CancellationToken cancellationToken)
    {
        if (merged.PatientId is not { } mergedPatient || survivor.PatientId is not { } survivorPatient || mergedPatient == survivorPatient)
        {
            return "";
        }

        var numbers = await db.Patients.AsNoTracking()
            .Where(p => p.Id == mergedPatient || p.Id == survivorPatient)
            .ToDictionaryAsync(p => p.Id, p => p.PatientNumber, cancellationToken);
        return $"; different patient records, both kept: {survivor.ReferenceNumber} belongs to {numbers[survivorPatient]}, {merged.ReferenceNumber} to {numbers[mergedPatient]}";
    }

    /// <summary>Closes the merged inquiry as a duplicate through the pipeline; one already closed keeps its reason.</summary>
    private bool Close(Inquiry merged, int survivorId, string staffUserId)
    {
        merged.MergedIntoId = survivorId;
        merged.NextAttemptAt = null;
        if (merged.Stage == PipelineStage.Closed)
        {
            return false;
        }

        var from = merged.Stage;
        merged.Stage = PipelineStateMachine.Move(from, PipelineStage.Closed, ClosureReason.Duplicate);
        merged.ClosureReason = ClosureReason.Duplicate;
        db.StageChanges.Add(new StageChange
        {
            InquiryId = merged.Id,
            At = time.GetUtcNow().UtcDateTime,
            From = from,
            To = PipelineStage.Closed,
            Reason = ClosureReason.Duplicate,
            StaffUserId = staffUserId,
        });
        return true;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
