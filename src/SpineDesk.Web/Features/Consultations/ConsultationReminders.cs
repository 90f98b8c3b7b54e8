using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>
/// Queues the reminder email the day before each booked consultation: once <see cref="Lead"/> remains before
/// its start, and once only. The consultation is marked in the same save as the queued email; when two app
/// instances race, the consultation's version lets one of them win and the other skip it.
/// </summary>
public sealed class ConsultationReminders(IServiceScopeFactory scopes, TimeProvider time, ILogger<ConsultationReminders> logger) : BackgroundService
{
    /// <summary>How long before the start the reminder goes.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromHours(24);

    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await QueueDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("The consultation reminder pass failed ({ErrorType}); it will try again.", ex.GetType().Name);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
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

    /// <summary>One pass: queues every reminder that is due now. Returns how many were queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var horizon = now + Lead;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
        var due = await db.Consultations.AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Booked && c.ReminderQueuedAt == null && c.StartUtc > now && c.StartUtc <= horizon)
            .OrderBy(c => c.StartUtc)
            .Select(c => c.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var id in due)
        {
            await using var itemScope = scopes.CreateAsyncScope();
            if (await QueueOneAsync(itemScope.ServiceProvider, id, now, cancellationToken))
            {
                queued++;
            }
        }

        return queued;
    }

    private static async Task<bool> QueueOneAsync(IServiceProvider services, int id, DateTime now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SpineDeskDbContext>();
        var consultation = await db.Consultations
            .Include(c => c.Inquiry)
            .SingleAsync(c => c.Id == id, cancellationToken);
        if (consultation.Status != ConsultationStatus.Booked || consultation.ReminderQueuedAt is not null)
        {
            return false;
        }

        var clinician = await db.Users.Where(u => u.Id == consultation.ClinicianId).Select(u => new ClinicianContact(u.DisplayName, u.Email)).SingleOrDefaultAsync(cancellationToken)
            ?? new ClinicianContact("the clinician", null);
        consultation.ReminderQueuedAt = now;
        services.GetRequiredService<ConsultationMail>().Enqueue(ConsultationMailKind.Reminder, consultation, consultation.Inquiry!, clinician);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance reminded, or a coordinator changed the booking: the next pass sees the new state.
            return false;
        }
    }
}
