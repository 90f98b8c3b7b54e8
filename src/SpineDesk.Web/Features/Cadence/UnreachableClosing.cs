using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Audit;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Outbox;

namespace SpineDesk.Web.Features.Cadence;

/// <summary>
/// Closes as unreachable the inquiries the contact cadence says to close: every
/// <see cref="CadenceOptions.PollInterval"/>, it moves each one to Closed (reason Unreachable) through the
/// <see cref="PipelineStateMachine"/>, queues the final email and appends an audit row, all in one save by the
/// <see cref="ClinicCadence.SystemActor"/>. Safe with several app instances on one database: the save is
/// conditional on the inquiry's version, so when two instances close the same inquiry, one save wins and the
/// other changes nothing (no second email, no second audit row).
/// </summary>
public sealed class UnreachableClosing(
    IServiceScopeFactory scopes,
    TimeProvider time,
    ClinicCadence cadence,
    IOptions<CadenceOptions> options,
    ILogger<UnreachableClosing> logger) : BackgroundService
{
    private const int BatchSize = 100;

    public const string AuditAction = "inquiry.close-unreachable";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await CloseDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A failed pass (database down) must not stop the job; the next tick tries again.
                logger.LogError("Closing unreachable inquiries failed ({ErrorType}); it will try again.", ex.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One pass: closes every inquiry whose closing time has come. Returns how many this pass closed.</summary>
    public async Task<int> CloseDueAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        var after = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var candidates = await CandidatesAsync(after, cancellationToken);
            foreach (var id in candidates)
            {
                if (await CloseIfDueAsync(id, cancellationToken))
                {
                    closed++;
                }
            }

            if (candidates.Count < BatchSize)
            {
                break;
            }

            after = candidates[^1];
        }

        if (closed > 0)
        {
            logger.LogInformation("Closed {Count} inquiries as unreachable.", closed);
        }

        return closed;
    }

    /// <summary>Inquiries being contacted with enough unanswered attempts (or a wrong number, where that closes) to be worth deciding.</summary>
    private async Task<List<int>> CandidatesAsync(int after, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
        var policy = cadence.Policy;
        var needed = policy.MaxUnansweredAttempts;
        var wrongNumberCloses = policy.CloseOnWrongNumber;
        return await db.Inquiries.AsNoTracking()
            .Where(i => i.Stage == PipelineStage.Contacting && i.Id > after)
            .Where(i => db.ContactAttempts.Count(a => a.InquiryId == i.Id
                    && (a.Outcome == ContactOutcome.NoAnswer || a.Outcome == ContactOutcome.LeftVoicemail || a.Outcome == ContactOutcome.MessageSent)) >= needed
                || (wrongNumberCloses && db.ContactAttempts.Any(a => a.InquiryId == i.Id && a.Outcome == ContactOutcome.WrongNumber)))
            .OrderBy(i => i.Id)
            .Select(i => i.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
    }

    private async Task<bool> CloseIfDueAsync(int id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
        var inquiry = await db.Inquiries.Include(i => i.ContactAttempts).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (inquiry is not { Stage: PipelineStage.Contacting })
        {
            return false;
        }

        var decision = cadence.Decide(inquiry.Urgency, inquiry.ReceivedAt, inquiry.ContactAttempts, now);
        if (!decision.ShouldCloseAsUnreachable)
        {
            return false;
        }

        inquiry.Stage = PipelineStateMachine.Move(inquiry.Stage, PipelineStage.Closed, ClosureReason.Unreachable);
        inquiry.ClosureReason = ClosureReason.Unreachable;
        inquiry.NextAttemptAt = null;
        db.StageChanges.Add(new StageChange
        {
            InquiryId = inquiry.Id,
            At = now,
            From = PipelineStage.Contacting,
            To = PipelineStage.Closed,
            Reason = ClosureReason.Unreachable,
            StaffUserId = ClinicCadence.SystemActor,
        });
        var clinic = scope.ServiceProvider.GetRequiredService<IOptions<ClinicOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(inquiry.Email))
        {
            scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(
                UnreachableEmail.Kind, inquiry.Email, inquiry.Name, UnreachableEmail.Subject(clinic), UnreachableEmail.Body(inquiry, clinic), inquiry: inquiry);
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = ClinicCadence.SystemActor,
            UserName = ClinicCadence.SystemActor,
            Action = AuditAction,
            EntityType = "Inquiry",
            EntityId = inquiry.Id.ToString(CultureInfo.InvariantCulture),
            Details = $"Contacting → Closed (unreachable after {decision.UnansweredAttempts} unanswered attempts)"
                + (string.IsNullOrWhiteSpace(inquiry.Email) ? "; no email address, no final email" : "; final email queued"),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance closed it, or a coordinator changed it, since it was read: nothing was written;
            // the next pass decides again on the latest data.
            return false;
        }
    }
}
