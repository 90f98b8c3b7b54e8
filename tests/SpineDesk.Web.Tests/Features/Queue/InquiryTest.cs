using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Data.Audit;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Queue;

/// <summary>Base of the inquiry page tests: a frozen clock, a clinic in New York, a known remote address.</summary>
public abstract class InquiryTest(TestDatabaseKind kind) : AppTest(kind)
{
    protected static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private FakeTimeProvider _time = null!;

    protected DateTime Now => _time.GetUtcNow().UtcDateTime;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Clinic:TimeZone"] = "America/New_York";

    protected override void ConfigureServices(IServiceCollection services)
    {
        _time = services.UseFakeTime();
        services.UseRemoteAddress();
    }

    protected static string Url(int id) => $"/staff/inquiries/{id}";

    protected static string ClinicTime(DateTime utc, string format = "ddd d MMM yyyy, HH:mm") =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, NewYork).ToString(format, CultureInfo.GetCultureInfo("en-US"));

    protected Task<Inquiry> ReloadAsync(int id) =>
        App.WithDbAsync(db => db.Inquiries.AsNoTracking()
            .Include(i => i.ContactAttempts)
            .Include(i => i.StageChanges)
            .AsSplitQuery()
            .SingleAsync(i => i.Id == id));

    protected Task<List<AuditEntry>> AuditAsync(string action) =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());
}
