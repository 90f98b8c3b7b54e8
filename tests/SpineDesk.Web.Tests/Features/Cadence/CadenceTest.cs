using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Cadence;

/// <summary>
/// Base of the cadence tests. The clock is frozen at the real time (sign-in codes must match), so instead the
/// clinic's week is laid around it: a fixed-offset time zone puts "now" at about 15:00 local on the last working
/// day of the clinic's week (its "Friday"), open 08:00–18:00; the next two days are closed (its weekend); the
/// four after are open 08:00–18:00 again. No daylight saving, so a day is 24 hours.
/// </summary>
public abstract class CadenceTest(TestDatabaseKind kind) : AppTest(kind)
{
    protected FakeTimeProvider Time { get; private set; } = null!;

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>The clinic's offset from UTC, in whole hours.</summary>
    protected int OffsetHours { get; private set; }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var utc = DateTime.UtcNow;
        var offset = (15 - utc.Hour + 24) % 24;
        OffsetHours = offset > 14 ? offset - 24 : offset;
        settings["Clinic:TimeZone"] = OffsetHours switch
        {
            0 => "Etc/UTC",
            > 0 => $"Etc/GMT-{OffsetHours}",
            _ => $"Etc/GMT+{-OffsetHours}",
        };
        var friday = utc.AddHours(OffsetHours).DayOfWeek;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var after = ((int)day - (int)friday + 7) % 7;
            settings[$"Clinic:BusinessHours:{day}:0"] = after is 1 or 2 ? CadenceSettings.Closed : "08:00-18:00";
        }

        settings["Cadence:RoutineFirstContactTarget"] = "08:00:00";
        settings["Cadence:RetryAfterBusinessDays:0"] = "1";
        settings["Cadence:RetryAfterBusinessDays:1"] = "3";
        settings["Cadence:MaxUnansweredAttempts"] = "3";
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        Time = services.UseFakeTime();
        services.UseRemoteAddress();
    }

    /// <summary>The clinic's local wall clock at a UTC instant.</summary>
    protected DateTime Local(DateTime utc) => utc.AddHours(OffsetHours);

    /// <summary>The UTC instant of a clinic-local time.</summary>
    protected DateTime Utc(DateTime local) => DateTime.SpecifyKind(local.AddHours(-OffsetHours), DateTimeKind.Utc);

    protected static string InputValue(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    protected static string Url(int id) => $"/staff/inquiries/{id}";

    protected UnreachableClosing Job(SpineDeskApp? app = null) =>
        (app ?? App).Services.GetServices<IHostedService>().OfType<UnreachableClosing>().Single();

    protected Task<Inquiry> ReloadAsync(int id) =>
        App.WithDbAsync(db => db.Inquiries.AsNoTracking()
            .Include(i => i.ContactAttempts)
            .Include(i => i.StageChanges)
            .AsSplitQuery()
            .SingleAsync(i => i.Id == id));

    /// <summary>Adds an attempt straight to the database, as if logged at <paramref name="at"/>.</summary>
    protected Task AddAttemptAsync(int inquiryId, DateTime at, ContactOutcome outcome, string staffId = "seed") =>
        App.WithDbAsync(async db =>
        {
            db.ContactAttempts.Add(new ContactAttempt { InquiryId = inquiryId, At = at, StaffUserId = staffId, Channel = ContactChannel.Phone, Outcome = outcome });
            return await db.SaveChangesAsync();
        });
}
