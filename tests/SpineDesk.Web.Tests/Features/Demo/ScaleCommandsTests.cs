using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Demo;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Demo;

/// <summary>The commands behind the desk benchmark: a staff account from the environment, and a clinic's two years of data.</summary>
public abstract class ScaleCommandsTests(TestDatabaseKind kind) : AppTest(kind)
{
    // The variables are the process's: these tests are the only ones that read them, in one collection (below).
    private const string Key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private async Task<(int Exit, string Output, string Error)> AddStaffAsync(string? password, params string[] args)
    {
        Environment.SetEnvironmentVariable(AddStaffCommand.PasswordVariable, password);
        Environment.SetEnvironmentVariable(AddStaffCommand.KeyVariable, Key);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await AddStaffCommand.RunAsync(App.Services, [AddStaffCommand.Name, .. args], output, error);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(AddStaffCommand.PasswordVariable, null);
            Environment.SetEnvironmentVariable(AddStaffCommand.KeyVariable, null);
        }
    }

    [Fact]
    public async Task Add_staff_makes_an_account_that_signs_in_through_the_real_pages_with_password_and_code()
    {
        const string password = "Bench-password-1234";
        var (exit, output, _) = await AddStaffAsync(password, "--email", "bench@clinic.test", "--name", "Bench Person", "--role", StaffRoles.Coordinator);

        Assert.Equal(DemoCommand.ExitOk, exit);
        Assert.Contains("bench@clinic.test (Coordinator) created", output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        var id = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "bench@clinic.test").Select(u => u.Id).SingleAsync());
        var client = App.CreateBrowser();
        await client.SignInAsync(new TestStaff(id, "bench@clinic.test", password, Key, [StaffRoles.Coordinator]));
        var queue = await client.GetAsync(new Uri("/staff/queue", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Theory]
    [InlineData(null, "Coordinator", "Usage:")]
    [InlineData("Bench-password-1234", "Researcher", "'Researcher' is not a role.")]
    [InlineData("short", "Coordinator", "the account was not created")]
    public async Task Add_staff_refuses_what_it_cannot_do_and_creates_nothing(string? password, string role, string message)
    {
        var (exit, _, error) = await AddStaffAsync(password, "--email", "bench@clinic.test", "--name", "Bench Person", "--role", role);

        Assert.NotEqual(DemoCommand.ExitOk, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "bench@clinic.test")));
    }

    [Fact]
    public async Task Add_staff_refuses_an_email_that_already_has_an_account()
    {
        Assert.Equal(DemoCommand.ExitOk, (await AddStaffAsync("Bench-password-1234", "--email", "bench@clinic.test", "--name", "One", "--role", StaffRoles.Clinician)).Exit);

        var (exit, _, error) = await AddStaffAsync("Bench-password-5678", "--email", "bench@clinic.test", "--name", "Two", "--role", StaffRoles.Coordinator);

        Assert.Equal(DemoCommand.ExitRefused, exit);
        Assert.Contains("already has an account", error, StringComparison.Ordinal);
        Assert.Equal("One", await App.WithDbAsync(db => db.Users.Where(u => u.Email == "bench@clinic.test").Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task The_scale_seed_adds_what_it_reports_and_keeps_the_database_s_rules()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoScaleSeeder>();

        var summary = await seeder.SeedAsync(new DemoScaleRequest(300, 4000, 11));

        Assert.Equal(4000, summary.Events);
        var counts = await App.WithDbAsync(async db => new
        {
            Inquiries = await db.Inquiries.CountAsync(),
            Open = await db.Inquiries.CountAsync(i => i.Stage == PipelineStage.New || i.Stage == PipelineStage.Contacting),
            Attempts = await db.ContactAttempts.CountAsync(),
            Stages = await db.StageChanges.CountAsync(),
            Notes = await db.Notes.CountAsync(),
            Emails = await db.OutboxMessages.CountAsync(m => m.InquiryId != null),
            Consultations = await db.Consultations.CountAsync(),
            Tasks = await db.Tasks.CountAsync(),
            OpenTasksOnClosed = await db.Tasks.CountAsync(t => t.Status == StaffTaskStatus.Open
                && t.Inquiry!.Stage != PipelineStage.New && t.Inquiry.Stage != PipelineStage.Contacting),
            Booked = await db.Consultations.Where(c => c.Status == ConsultationStatus.Booked).Select(c => new { c.ClinicianId, c.StartUtc, c.EndUtc }).ToListAsync(),
        });
        Assert.Equal(
            (summary.Inquiries, summary.OpenInquiries, summary.ContactAttempts, summary.StageChanges, summary.Notes, summary.Emails, summary.Consultations, summary.Tasks),
            (counts.Inquiries, counts.Open, counts.Attempts, counts.Stages, counts.Notes, counts.Emails, counts.Consultations, counts.Tasks));
        Assert.Equal(300, counts.Inquiries);
        Assert.True(summary.Tasks > 0 && summary.OpenInquiries > 0, summary.Describe());
        Assert.Equal(0, counts.OpenTasksOnClosed);
        // No clinician is booked twice at once (the database refuses it too).
        Assert.All(counts.Booked.GroupBy(c => c.ClinicianId), g =>
        {
            var ordered = g.OrderBy(c => c.StartUtc).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.EndUtc <= pair.Second.StartUtc));
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => seeder.SeedAsync(new DemoScaleRequest(10, 0, 1)));
        Assert.Equal(300, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
    }
}

// Both set the same process-wide environment variables, so they must not run at the same time.
[Collection(nameof(AddStaffCommand))]
public sealed class ScaleCommandsOnSqlite() : ScaleCommandsTests(TestDatabaseKind.Sqlite);

[Collection(nameof(AddStaffCommand))]
public sealed class ScaleCommandsOnPostgres() : ScaleCommandsTests(TestDatabaseKind.Postgres);
