using System.Text;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Outbox;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Consultations;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Consultations;

/// <summary>Base of the consultation tests: a frozen clock, a clinic in New York, a clinician with hours.</summary>
public abstract class ConsultationTest(TestDatabaseKind kind) : AppTest(kind)
{
    protected static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Clinic:TimeZone"] = "America/New_York";
        settings["Email:FromAddress"] = "clinic@example.com";
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        Time = services.UseFakeTime();
        services.UseRemoteAddress();
    }

    /// <summary>The clinic's date today.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, NewYork));

    /// <summary>The first date after today on which New York's clocks change (a Sunday, at 02:00).</summary>
    protected DateOnly NextClockChange()
    {
        var date = Today;
        var offset = NewYork.GetUtcOffset(date.ToDateTime(new TimeOnly(12, 0)));
        while (NewYork.GetUtcOffset(date.AddDays(1).ToDateTime(new TimeOnly(12, 0))) == offset)
        {
            date = date.AddDays(1);
        }

        return date.AddDays(1);
    }

    /// <summary>A clinician who works every day 09:00–12:00 in 30-minute slots at "Room 2", video too.</summary>
    protected async Task<TestStaff> AddClinicianAsync()
    {
        var clinician = await App.CreateAsync(StaffRoles.Clinician);
        await App.WithDbAsync(async db =>
        {
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                db.ClinicianAvailabilities.Add(new ClinicianAvailability
                {
                    ClinicianId = clinician.Id,
                    Day = day,
                    Start = new TimeOnly(9, 0),
                    End = new TimeOnly(12, 0),
                    SlotMinutes = 30,
                    Location = "Room 2",
                    OffersVideo = true,
                });
            }

            return await db.SaveChangesAsync();
        });
        return clinician;
    }

    protected Task<int> AddContactingInquiryAsync(string name, PipelineStage stage = PipelineStage.Contacting) =>
        App.AddInquiryAsync(name, Urgency.Routine, Now.AddHours(-3), stage);

    /// <summary>The UTC instant of a clinic wall-clock time.</summary>
    protected static DateTime Utc(DateOnly date, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)), NewYork);

    protected static string BookUrl(int inquiryId, string clinicianId, DateOnly from) =>
        $"/staff/inquiries/{inquiryId}/consultations?Clinician={clinicianId}&From={from:yyyy-MM-dd}";

    protected Task<List<Consultation>> ConsultationsAsync(int inquiryId) =>
        App.WithDbAsync(db => db.Consultations.AsNoTracking().Where(c => c.InquiryId == inquiryId).OrderBy(c => c.Id).ToListAsync());

    protected Task<List<OutboxMessage>> MailAsync(int inquiryId) =>
        App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.InquiryId == inquiryId && m.Kind.StartsWith("consultation-")).OrderBy(m => m.Id).ToListAsync());

    /// <summary>Reads the invitation attached to a queued email back with Ical.Net.</summary>
    protected static Calendar Invitation(OutboxMessage message)
    {
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(ConsultationInvitation.FileName, attachment.FileName);
        var calendar = Calendar.Load(Encoding.UTF8.GetString(attachment.Content));
        Assert.NotNull(calendar);
        Assert.Contains($"method={calendar.Method}", attachment.ContentType, StringComparison.Ordinal);
        return calendar;
    }
}
