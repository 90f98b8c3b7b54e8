using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Demo;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Demo;

public abstract partial class DemoSeedingTests(TestDatabaseKind kind) : AppTest(kind)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 15, 30, 0, TimeSpan.Zero);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await DemoCommand.RunAsync(App.Services, args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private Task<List<Inquiry>> InquiriesAsync() =>
        App.WithDbAsync(db => db.Inquiries.AsNoTracking()
            .Include(i => i.StageChanges)
            .Include(i => i.ContactAttempts)
            .AsSplitQuery()
            .OrderBy(i => i.Id)
            .ToListAsync());

    [Fact]
    public async Task Seeding_creates_the_requested_inquiries_and_each_history_replays_legally_to_its_stage()
    {
        var (exitCode, output, error) = await RunAsync("seed-demo", "--inquiries", "150", "--seed", "7");

        Assert.Equal(DemoCommand.ExitOk, exitCode);
        Assert.Equal("", error);
        Assert.Contains("150 fictional inquiries added", output, StringComparison.Ordinal);
        var inquiries = await InquiriesAsync();
        Assert.Equal(150, inquiries.Count);
        foreach (var inquiry in inquiries)
        {
            var stage = PipelineStage.New;
            var previous = inquiry.ReceivedAt;
            foreach (var change in inquiry.StageChanges.OrderBy(c => c.At).ThenBy(c => c.Id))
            {
                Assert.Equal(stage, change.From);
                Assert.True(PipelineStateMachine.CanMove(change.From, change.To), $"{inquiry.ReferenceNumber}: {change.From} → {change.To}");
                Assert.Equal(change.To == PipelineStage.Closed, change.Reason is not null);
                Assert.True(change.At > previous, $"{inquiry.ReferenceNumber}: stage changes out of order");
                stage = change.To;
                previous = change.At;
            }

            Assert.Equal(inquiry.Stage, stage);
            Assert.Equal(inquiry.Stage == PipelineStage.Closed ? inquiry.StageChanges.MaxBy(c => c.At)!.Reason : null, inquiry.ClosureReason);
            Assert.All(inquiry.ContactAttempts, a => Assert.InRange(a.At, inquiry.ReceivedAt, Now.UtcDateTime));
            Assert.True(inquiry.ReceivedAt < Now.UtcDateTime && inquiry.ReceivedAt > Now.UtcDateTime.AddDays(-22));
            Assert.Equal(inquiry.ContactAttempts.Count == 0 ? null : inquiry.ContactAttempts.Min(a => a.At), inquiry.FirstContactAttemptAt);
            if (inquiry.StageChanges.Any(c => c.To == PipelineStage.Contacting))
            {
                Assert.NotEmpty(inquiry.ContactAttempts);
            }

            if (inquiry.Stage != PipelineStage.Contacting)
            {
                Assert.Null(inquiry.NextAttemptAt);
            }
        }

        // Spread along the pipeline: some waiting, some being called, some further along, some closed.
        Assert.Contains(inquiries, i => i.Stage == PipelineStage.New);
        Assert.Contains(inquiries, i => i.Stage == PipelineStage.Contacting);
        Assert.Contains(inquiries, i => i.Stage == PipelineStage.ConsultationScheduled);
        Assert.Contains(inquiries, i => i.Stage == PipelineStage.Closed);
        Assert.True(inquiries.Select(i => i.Stage).Distinct().Count() >= 6);

        // As the desk would have: a patient for everyone who reached a booked consultation, and tasks, open ones only
        // about people still being contacted.
        var booked = inquiries.Where(i => i.StageChanges.Any(c => c.To == PipelineStage.ConsultationScheduled)).Select(i => i.Id).ToHashSet();
        Assert.Equal(booked, inquiries.Where(i => i.PatientId is not null).Select(i => i.Id).ToHashSet());
        Assert.Equal(booked.Count, await App.WithDbAsync(db => db.Patients.CountAsync()));
        var tasks = await App.WithDbAsync(db => db.Tasks.AsNoTracking().ToListAsync());
        Assert.Contains(tasks, t => t.Status == SpineDesk.Data.Tasks.StaffTaskStatus.Open);
        Assert.All(tasks.Where(t => t.Status == SpineDesk.Data.Tasks.StaffTaskStatus.Open), t =>
            Assert.True(inquiries.Single(i => i.Id == t.InquiryId).IsOpen));
    }

    [Fact]
    public async Task Seeded_people_have_valid_phones_safe_emails_and_urgencies_from_the_red_flag_screen()
    {
        await RunAsync("seed-demo", "--inquiries", "150", "--seed", "11");

        var inquiries = await InquiriesAsync();
        var phones = App.Services.GetRequiredService<PhoneNumberReader>();
        Assert.All(inquiries, i =>
        {
            Assert.Matches(FictionalUsNumber(), i.Phone);
            Assert.Equal(i.Phone, phones.Normalize(i.Phone).E164);
            Assert.Matches("^SD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", i.ReferenceNumber);
            Assert.Contains(i.Language, (string[])["en", "es"]);
            Assert.True(i.ConsentToContact);
            Assert.Equal(RedFlagScreen.Assess(i.RedFlags).Urgency, i.Urgency);
            if (i.Email is not null)
            {
                Assert.True(InquiryIntake.IsEmailAddress(i.Email), i.Email);
                Assert.Matches("@example\\.(com|org)$", i.Email);
            }
        });
        Assert.Equal(inquiries.Count, inquiries.Select(i => i.ReferenceNumber).Distinct().Count());
        Assert.InRange(inquiries.Count(i => i.Email is not null), 60, 135);
        Assert.InRange(inquiries.Count(i => i.Language == "es"), 5, 50);
        Assert.InRange(inquiries.Count(i => i.Urgency == Urgency.Emergency), 1, 3);
        Assert.InRange(inquiries.Count(i => i.Urgency == Urgency.Urgent), 5, 25);
        Assert.InRange(inquiries.Count(i => i.RedFlags.Count == 0), 110, 140);
        // The newest inquiry has just arrived: an open emergency at the top of the queue.
        var newest = inquiries.MaxBy(i => i.ReceivedAt)!;
        Assert.Equal(Urgency.Emergency, newest.Urgency);
        Assert.Equal(PipelineStage.New, newest.Stage);
    }

    [Fact]
    public async Task Demo_staff_have_no_password_and_own_only_some_inquiries()
    {
        await RunAsync("seed-demo", "--inquiries", "60", "--seed", "5");

        var staff = await App.WithDbAsync(db => db.Users.AsNoTracking().ToListAsync());
        Assert.Equal(DemoTeam.Members.Count, staff.Count);
        Assert.All(staff, s =>
        {
            Assert.Null(s.PasswordHash);
            Assert.EndsWith("@example.org", s.Email, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(s.DisplayName));
        });
        var roles = await App.WithDbAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync());
        Assert.Contains(StaffRoles.Coordinator, roles);
        Assert.Contains(StaffRoles.Clinician, roles);
        Assert.DoesNotContain(StaffRoles.Administrator, roles);

        var inquiries = await InquiriesAsync();
        var ids = staff.Select(s => s.Id).ToHashSet();
        Assert.Contains(inquiries, i => i.OwnerId is not null);
        Assert.Contains(inquiries, i => i.OwnerId is null);
        Assert.All(inquiries.Where(i => i.OwnerId is not null), i => Assert.Contains(i.OwnerId!, ids));
        Assert.All(inquiries.SelectMany(i => i.StageChanges), c => Assert.Contains(c.StaffUserId, ids));
        Assert.All(inquiries.SelectMany(i => i.ContactAttempts), a => Assert.Contains(a.StaffUserId, ids));
    }

    [Fact]
    public async Task A_database_with_inquiries_is_refused_unless_append_is_given_and_the_seed_repeats_the_demo()
    {
        Assert.Equal(DemoCommand.ExitOk, (await RunAsync("seed-demo", "--inquiries", "25", "--seed", "3")).ExitCode);
        var firstRun = await InquiriesAsync();

        var (refusedCode, refusedOutput, refusal) = await RunAsync("seed-demo", "--inquiries", "25", "--seed", "3");
        Assert.Equal(DemoCommand.ExitRefused, refusedCode);
        Assert.Equal("", refusedOutput);
        Assert.Contains("already has 25 inquiries", refusal, StringComparison.Ordinal);
        Assert.Contains("--append", refusal, StringComparison.Ordinal);
        Assert.Equal(25, (await InquiriesAsync()).Count);

        var (appendCode, appendOutput, _) = await RunAsync("seed-demo", "--inquiries", "25", "--seed", "3", "--append");
        Assert.Equal(DemoCommand.ExitOk, appendCode);
        Assert.Contains("(50 in the database now)", appendOutput, StringComparison.Ordinal);
        var all = await InquiriesAsync();
        Assert.Equal(50, all.Count);
        Assert.Equal(DemoTeam.Members.Count, await App.WithDbAsync(db => db.Users.CountAsync()));

        // The same seed at the same moment makes the same clinic again (reference numbers are always new).
        var secondRun = all.Where(i => i.Id > firstRun.Max(f => f.Id)).ToList();
        Assert.Equal(Describe(firstRun), Describe(secondRun));
        Assert.Empty(firstRun.Select(i => i.ReferenceNumber).Intersect(secondRun.Select(i => i.ReferenceNumber)));

        await RunAsync("seed-demo", "--inquiries", "25", "--seed", "4", "--append");
        var thirdRun = (await InquiriesAsync()).Where(i => i.Id > secondRun.Max(f => f.Id)).ToList();
        Assert.NotEqual(Describe(firstRun), Describe(thirdRun));

        static List<string> Describe(List<Inquiry> inquiries) =>
            [.. inquiries.Select(i => $"{i.ReceivedAt:O} {i.Name} {i.Phone} {i.Email} {i.Stage} {i.StageChanges.Count} {i.ContactAttempts.Count}").Order()];
    }

    [Fact]
    public async Task Bad_arguments_print_what_is_wrong_and_the_usage_and_change_nothing()
    {
        (string[] Args, string Message)[] cases =
        [
            (["seed-demo", "--inquiries"], "--inquiries needs a number after it."),
            (["seed-demo", "--inquiries", "many"], "--inquiries needs a whole number, not 'many'."),
            (["seed-demo", "--inquiries", "0"], "--inquiries must be between 1 and 100000"),
            (["seed-demo", "--inquiries=-5"], "--inquiries needs a whole number, not '-5'."),
            (["seed-demo", "--seed", "1.5"], "--seed needs a whole number, not '1.5'."),
            (["seed-demo", "--append=yes"], "--append takes no value."),
            (["seed-demo", "--inquiries", "5", "--inquiries", "6"], "--inquiries is given twice."),
            (["seed-demo", "--fresh"], "'--fresh' is not an option of seed-demo."),
            (["seed-demo", "500"], "'500' is not an option of seed-demo."),
        ];
        foreach (var (args, message) in cases)
        {
            var (exitCode, output, error) = await RunAsync(args);

            Assert.Equal(DemoCommand.ExitUsage, exitCode);
            Assert.Equal("", output);
            Assert.StartsWith("seed-demo: " + message, error, StringComparison.Ordinal);
            Assert.Contains("Usage: dotnet run --project src/SpineDesk.Web -- seed-demo", error, StringComparison.Ordinal);
        }

        var help = await RunAsync("seed-demo", "--help");
        Assert.Equal(DemoCommand.ExitOk, help.ExitCode);
        Assert.Contains("--append", help.Output, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Users.CountAsync()));
    }

    /// <summary>+1, a real area code, then 555-0100 to 555-0199, the range kept for fiction.</summary>
    [GeneratedRegex("^\\+1[2-9]\\d{2}55501\\d{2}$")]
    private static partial Regex FictionalUsNumber();
}

public sealed class DemoSeedingOnSqlite() : DemoSeedingTests(TestDatabaseKind.Sqlite);

public sealed class DemoSeedingOnPostgres() : DemoSeedingTests(TestDatabaseKind.Postgres);
