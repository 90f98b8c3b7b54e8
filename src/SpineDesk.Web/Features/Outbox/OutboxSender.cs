using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpineDesk.Data;
using SpineDesk.Data.Outbox;

namespace SpineDesk.Web.Features.Outbox;

/// <summary>
/// Delivers queued emails: every <see cref="EmailOptions.PollInterval"/> it leases the messages that are due,
/// sends them through SMTP (or writes them to the pickup folder when no SMTP server is configured), and records
/// each attempt. Failed sends are retried with exponential backoff until <see cref="EmailOptions.MaxAttempts"/>.
/// Several app instances may run this against one database: a message is leased to one sender at a time.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<EmailOptions> options,
    IHostEnvironment environment,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>How many messages one pass leases at a time; they share one SMTP connection.</summary>
    internal const int BatchSize = 10;

    /// <summary>The longest wait between two attempts, however many have failed.</summary>
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(12);

    private EmailOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Options.PollInterval, time);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A failed pass (database down, disk full) must not stop the sender; the next tick tries again.
                logger.LogError("The email outbox pass failed ({ErrorType}); it will try again.", ex.GetType().Name);
            }
        }
        while (await WaitForNextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitForNextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
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

    /// <summary>One pass: sends every message due now, a batch at a time. Returns how many were attempted.</summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var count = await SendBatchAsync(cancellationToken);
            attempted += count;
            if (count < BatchSize)
            {
                break;
            }
        }

        return attempted;
    }

    private async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
        var lease = await ClaimAsync(db, cancellationToken);
        if (lease.Messages.Count == 0)
        {
            return 0;
        }

        var attempted = 0;
        var margin = 2 * SmtpTimeout();
        await using var transport = CreateTransport();
        try
        {
            foreach (var message in lease.Messages)
            {
                // Stop before the lease runs out mid-send: another sender could then take the same message.
                if (time.GetUtcNow().UtcDateTime + margin > lease.Until || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                Exception? error = null;
                try
                {
                    await transport.SendAsync(OutboxMime.Compose(message, Options, time), cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // Any failure to deliver is recorded on the message and retried later.
                    error = ex;
                }

                // Recorded even when the app is stopping: a message that went out must not be sent again.
                await RecordAsync(db, message, lease.Token, transport.Name, error, CancellationToken.None);
                attempted++;
            }
        }
        finally
        {
            await ReleaseAsync(db, lease.Token);
        }

        return attempted;
    }

    /// <summary>
    /// Leases up to <see cref="BatchSize"/> due messages to this pass with one UPDATE. The lease conditions stand
    /// in the UPDATE's own WHERE (not only in the subquery that picks the ids): when two senders race for a row,
    /// PostgreSQL makes the second wait for the first's row lock and then re-checks that WHERE against the row
    /// as the first left it — now leased — so the second skips it. A row therefore has at most one live lease, and
    /// the row lock lasts only for this statement, not for the send, so FOR UPDATE SKIP LOCKED would only spare
    /// that brief wait; this way one query serves PostgreSQL and SQLite (which has a single writer anyway).
    /// </summary>
    internal async Task<Lease> ClaimAsync(SpineDeskDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Options.LeaseDuration;
        var token = Guid.NewGuid();
        var due = db.OutboxMessages.Where(m =>
            m.Status == OutboxStatus.Pending
            && m.NextAttemptAt <= now
            && (m.LeasedUntil == null || m.LeasedUntil <= now));
        var pick = due.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize).Select(m => m.Id);
        var claimed = await due
            .Where(m => pick.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseToken, token).SetProperty(m => m.LeasedUntil, until), cancellationToken);
        if (claimed == 0)
        {
            return new Lease(token, until, []);
        }

        var messages = await db.OutboxMessages.AsNoTracking()
            .Include(m => m.Attachments)
            .Where(m => m.LeaseToken == token)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return new Lease(token, until, messages);
    }

    /// <summary>Stores the outcome of one attempt and gives the message back (sent, failed or due later).</summary>
    private async Task RecordAsync(SpineDeskDbContext db, OutboxMessage message, Guid token, string transportName, Exception? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = message.AttemptCount + 1;
        var lastError = error is null ? null : Truncate($"{error.GetType().Name}: {error.Message}", 2000);
        var status = error is null ? OutboxStatus.Sent : attempts >= Options.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
        var nextAttemptAt = status == OutboxStatus.Pending ? now + RetryDelay(attempts) : message.NextAttemptAt;
        DateTime? sentAt = error is null ? now : null;

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only while this pass still holds the lease: if it ran out and another sender took over, that one decides.
        var stillOurs = await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.LeaseToken == token)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(m => m.Status, status)
                    .SetProperty(m => m.AttemptCount, attempts)
                    .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.LastError, lastError)
                    .SetProperty(m => m.LeaseToken, (Guid?)null)
                    .SetProperty(m => m.LeasedUntil, (DateTime?)null),
                cancellationToken);
        db.OutboxAttempts.Add(new OutboxAttempt
        {
            OutboxMessageId = message.Id,
            At = now,
            Succeeded = error is null,
            Transport = transportName,
            Error = lastError,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The message id and the kind of error only: the address, name and text are patient data.
        if (stillOurs == 0)
        {
            logger.LogWarning(
                "Outbox message {OutboxMessageId}: the lease ran out before the attempt was recorded, so another sender may have sent it too.",
                message.Id);
        }
        else if (status == OutboxStatus.Failed)
        {
            logger.LogWarning(
                "Outbox message {OutboxMessageId} ({Kind}) was not delivered after {Attempts} attempts and is marked failed; last error {ErrorType}.",
                message.Id,
                message.Kind,
                attempts,
                error!.GetType().Name);
        }
        else if (error is not null)
        {
            logger.LogInformation(
                "Outbox message {OutboxMessageId} attempt {Attempt} failed ({ErrorType}); next try at {NextAttemptAt:O}.",
                message.Id,
                attempts,
                error.GetType().Name,
                nextAttemptAt);
        }
    }

    /// <summary>Gives back the leases of messages this pass did not get to, so the next pass need not wait them out.</summary>
    private static async Task ReleaseAsync(SpineDeskDbContext db, Guid token) =>
        await db.OutboxMessages
            .Where(m => m.LeaseToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseToken, (Guid?)null).SetProperty(m => m.LeasedUntil, (DateTime?)null));

    /// <summary>
    /// The wait after the given number of failed attempts: <see cref="EmailOptions.FirstRetryDelay"/>, doubling
    /// each time, plus up to 10% so that many messages failing together do not all retry at the same instant.
    /// </summary>
    internal TimeSpan RetryDelay(int failedAttempts)
    {
        var doublings = Math.Min(failedAttempts - 1, 30);
        var delay = Options.FirstRetryDelay * Math.Pow(2, doublings);
        if (delay > MaxRetryDelay)
        {
            delay = MaxRetryDelay;
        }

        return delay + (delay * (Random.Shared.NextDouble() * 0.1));
    }

    private IMailTransport CreateTransport() =>
        string.IsNullOrWhiteSpace(Options.SmtpHost)
            ? new PickupFolderTransport(PickupFolder())
            : new SmtpTransport(Options.SmtpHost, Options, SmtpTimeout());

    /// <summary>Short enough that a stuck server cannot hold a message past its lease.</summary>
    private TimeSpan SmtpTimeout()
    {
        var quarter = Options.LeaseDuration / 4;
        return quarter < TimeSpan.FromSeconds(60) ? quarter : TimeSpan.FromSeconds(60);
    }

    internal string PickupFolder() => Path.GetFullPath(Path.Combine(environment.ContentRootPath, Options.PickupFolder));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    internal sealed record Lease(Guid Token, DateTime Until, List<OutboxMessage> Messages);
}
