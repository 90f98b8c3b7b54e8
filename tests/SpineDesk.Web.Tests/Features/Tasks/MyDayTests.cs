using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Tasks;
using SpineDesk.Web.Tests.Features.Cadence;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Tasks;

/// <summary>
/// My day: calls, tasks and consultations in one list; everything due now first, the most urgent on top, then the
/// rest of today in time order. The clinic's week is laid around the real time (see <see cref="CadenceTest"/>): it
/// is about 15:00 on an open day, so "later today" runs to midnight.
/// </summary>
public abstract class MyDayTests(TestDatabaseKind kind) : CadenceTest(kind)
{
    private const string MyDayUrl = "/staff/my-day";

    private Task<int> AddTaskAsync(string title, DateTime dueAt, TaskPriority priority, string? ownerId = null, string? ownerRole = null, int? inquiryId = null, StaffTaskStatus status = StaffTaskStatus.Open) =>
        App.WithDbAsync(db =>
        {
            db.Tasks.Add(new StaffTask
            {
                Title = title,
                DueAt = dueAt,
                Priority = priority,
                OwnerId = ownerId,
                OwnerRole = ownerRole,
                InquiryId = inquiryId,
                Status = status,
                CreatedAt = Now.AddDays(-1),
                CreatedById = "seed",
            });
            return db.SaveChangesAsync();
        });

    private Task<int> AddConsultationAsync(int inquiryId, string clinicianId, DateTime start) =>
        App.WithDbAsync(db =>
        {
            db.Consultations.Add(new Consultation
            {
                InquiryId = inquiryId,
                ClinicianId = clinicianId,
                StartUtc = start,
                EndUtc = start.AddMinutes(30),
                Status = ConsultationStatus.Booked,
                BookedAt = Now.AddDays(-2),
                BookedById = clinicianId,
                IcsUid = Guid.NewGuid().ToString("N") + "@spinedesk",
                Location = "Room 2",
            });
            return db.SaveChangesAsync();
        });

    private static List<string> Titles(IDocument page, string list) =>
        [.. page.QuerySelectorAll($"#{list} .day-title").Select(t => t.TextContent.Trim())];

    [Fact]
    public async Task Everything_due_now_comes_first_most_urgent_on_top_then_the_rest_of_today_in_time_order()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var colleague = await App.CreateAsync(StaffRoles.Coordinator);
        var clinician = await App.CreateAsync(StaffRoles.Clinician);

        // Calls: an unclaimed emergency, one of mine due since this morning, one of mine due at 17:00, one of mine
        // due tomorrow (not today), and a colleague's due now (not mine).
        var emergency = await App.AddInquiryAsync("Eve Emergency", Urgency.Emergency, Now.AddMinutes(-10), redFlags: [SpineDesk.Clinical.RedFlags.RedFlagSign.NewBladderOrBowelProblem]);
        var routine = await App.AddInquiryAsync("Rob Routine", Urgency.Routine, Now.AddDays(-1), PipelineStage.Contacting, ownerId: me.Id, firstContactAttemptAt: Now.AddDays(-1), nextAttemptAt: Now.AddHours(-6));
        await App.AddInquiryAsync("Lena Later", Urgency.Routine, Now.AddDays(-1), PipelineStage.Contacting, ownerId: me.Id, firstContactAttemptAt: Now.AddDays(-1), nextAttemptAt: Now.AddHours(2));
        await App.AddInquiryAsync("Tim Tomorrow", Urgency.Routine, Now.AddDays(-1), PipelineStage.Contacting, ownerId: me.Id, firstContactAttemptAt: Now.AddDays(-1), nextAttemptAt: Utc(Local(Now).Date.AddDays(1).AddHours(9)));
        await App.AddInquiryAsync("Col Colleague", Urgency.Urgent, Now.AddDays(-1), PipelineStage.Contacting, ownerId: colleague.Id, firstContactAttemptAt: Now.AddDays(-1), nextAttemptAt: Now.AddHours(-1));

        // Tasks: a high one overdue, a normal one for my role due now, a low one later today, a done one, a colleague's.
        await AddTaskAsync("Ring the lab about results", Now.AddHours(-2), TaskPriority.High, ownerId: me.Id, inquiryId: routine);
        await AddTaskAsync("Check the fax inbox", Now.AddMinutes(-5), TaskPriority.Normal, ownerRole: StaffRoles.Coordinator);
        await AddTaskAsync("Tidy the leaflets", Now.AddHours(3), TaskPriority.Low, ownerId: me.Id);
        await AddTaskAsync("Already done", Now.AddHours(-3), TaskPriority.High, ownerId: me.Id, status: StaffTaskStatus.Done);
        await AddTaskAsync("Not mine", Now.AddHours(-3), TaskPriority.High, ownerId: colleague.Id);

        // Consultations today: one started 20 minutes ago and still only booked (needs its outcome), one at +1 h.
        var booked = await App.AddInquiryAsync("Cora Consult", Urgency.Routine, Now.AddDays(-5), PipelineStage.ConsultationScheduled);
        await AddConsultationAsync(booked, clinician.Id, Now.AddMinutes(-20));
        var next = await App.AddInquiryAsync("Nils Next", Urgency.Routine, Now.AddDays(-5), PipelineStage.ConsultationScheduled);
        await AddConsultationAsync(next, clinician.Id, Now.AddHours(1));

        var page = await client.GetDocumentAsync(MyDayUrl);

        Assert.Equal(
            [
                "First call: Eve Emergency",
                "Ring the lab about results",
                "Call (attempt 1): Rob Routine",
                "Consultation: Cora Consult",
                "Check the fax inbox",
            ],
            Titles(page, "due-now"));
        Assert.Equal(["Consultation: Nils Next", "Call (attempt 1): Lena Later", "Tidy the leaflets"], Titles(page, "later-today"));
        Assert.Contains("Unclaimed", page.QuerySelectorAll("#due-now > li")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/staff/inquiries/{emergency}#actions", page.QuerySelector("#due-now .day-title a")!.GetAttribute("href"));
        Assert.Contains("Record the outcome", page.QuerySelectorAll("#due-now > li")[3].TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "myday.view" && a.UserId == me.Id)));
    }

    [Fact]
    public async Task A_clinician_sees_their_own_consultations_and_their_role_s_tasks_but_no_calls()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Clinician);
        var other = await App.CreateAsync(StaffRoles.Clinician);
        await App.AddInquiryAsync("Una Unclaimed", Urgency.Urgent, Now.AddHours(-3));
        var mine = await App.AddInquiryAsync("Mia Mine", Urgency.Routine, Now.AddDays(-5), PipelineStage.ConsultationScheduled);
        await AddConsultationAsync(mine, me.Id, Now.AddHours(2));
        var theirs = await App.AddInquiryAsync("Theo Theirs", Urgency.Routine, Now.AddDays(-5), PipelineStage.ConsultationScheduled);
        await AddConsultationAsync(theirs, other.Id, Now.AddHours(2));
        await AddTaskAsync("Review an adverse event report", Now.AddMinutes(-1), TaskPriority.High, ownerRole: StaffRoles.Clinician);
        await AddTaskAsync("For coordinators", Now.AddMinutes(-1), TaskPriority.High, ownerRole: StaffRoles.Coordinator);

        var page = await client.GetDocumentAsync(MyDayUrl);

        Assert.Equal(["Review an adverse event report"], Titles(page, "due-now"));
        Assert.Equal(["Consultation: Mia Mine"], Titles(page, "later-today"));
        Assert.Contains("with you", page.QuerySelector("#later-today .day-detail")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unclaimed_calls_are_capped_and_the_rest_are_counted_with_a_link_to_the_queue()
    {
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        for (var i = 0; i < MyDayPlan.UnclaimedLimit + 3; i++)
        {
            await App.AddInquiryAsync($"Person {i:00}", Urgency.Routine, Now.AddHours(-5).AddMinutes(i));
        }

        var page = await client.GetDocumentAsync(MyDayUrl);

        Assert.Equal(MyDayPlan.UnclaimedLimit, page.QuerySelectorAll("#due-now > li").Length);
        Assert.Equal("First call: Person 00", Titles(page, "due-now")[0]);
        Assert.Contains("3 more unclaimed people are due a call", page.QuerySelector("#more-unclaimed")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_call_that_arrived_after_closing_waits_for_the_next_open_day_s_list()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        // The clinic closes at 18:00; it is about 15:00. Someone writes in at about 18:15 and it is now about 18:30.
        var received = Now.AddHours(3.25);
        Time.Advance(TimeSpan.FromHours(3.5));
        await App.AddInquiryAsync("Late Writer", Urgency.Routine, received, ownerId: me.Id);
        await App.AddInquiryAsync("Day Writer", Urgency.Routine, received.AddHours(-4), ownerId: me.Id);

        var page = await client.GetDocumentAsync(MyDayUrl);

        Assert.Equal(["First call: Day Writer"], Titles(page, "due-now"));
        Assert.Empty(page.QuerySelectorAll("#later-today .day-item"));
    }

    [Fact]
    public async Task An_empty_day_says_so()
    {
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        await App.AddInquiryAsync("Done Already", Urgency.Routine, Now.AddDays(-3), PipelineStage.Closed);

        var page = await client.GetDocumentAsync(MyDayUrl);

        Assert.NotNull(page.QuerySelector("#my-day-empty"));
        Assert.Empty(page.QuerySelectorAll(".day-item"));
    }

    [Fact]
    public async Task A_missed_consultation_puts_a_call_back_task_in_the_owner_s_day_once()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var clinician = await App.CreateAsync(StaffRoles.Clinician);
        var inquiry = await App.AddInquiryAsync("Nora Noshow", Urgency.Routine, Now.AddDays(-5), PipelineStage.ConsultationScheduled, ownerId: me.Id, firstContactAttemptAt: Now.AddDays(-5));
        await AddConsultationAsync(inquiry, clinician.Id, Now.AddMinutes(-40));
        var consultation = await App.WithDbAsync(db => db.Consultations.SingleAsync(c => c.InquiryId == inquiry));

        var url = $"/staff/consultations/{consultation.Id}";
        var secondTab = await client.GetDocumentAsync(url);
        var response = await client.SubmitFormAsync(url, [("Outcome", "NoShow")], "#outcome-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var task = Assert.Single(await App.WithDbAsync(db => db.Tasks.AsNoTracking().ToListAsync()));
        Assert.Equal((inquiry, me.Id, (string?)null, TaskPriority.High, TaskRules.NoShowRule, consultation.Id), (task.InquiryId, task.OwnerId, task.OwnerRole, task.Priority, task.Rule, task.ConsultationId));
        Assert.Equal(Now, task.DueAt);
        var page = await client.GetDocumentAsync(MyDayUrl);
        Assert.Contains("Call back after a missed consultation", Titles(page, "due-now"));

        // Recording it again (a second tab) changes nothing and makes no second task.
        response = await client.SubmitFormAsync(secondTab, [("Outcome", "NoShow")], "#outcome-form", url);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await App.WithDbAsync(db => db.Tasks.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task The_database_makes_a_rule_s_task_once_per_consultation()
    {
        var clinician = await App.CreateAsync(StaffRoles.Clinician);
        var inquiry = await App.AddInquiryAsync("Once Only", Urgency.Routine, Now.AddDays(-5), PipelineStage.ConsultationScheduled);
        await AddConsultationAsync(inquiry, clinician.Id, Now.AddMinutes(-40));
        var consultation = await App.WithDbAsync(db => db.Consultations.SingleAsync(c => c.InquiryId == inquiry));
        StaffTask Rule() => new()
        {
            Title = "Call back",
            OwnerRole = StaffRoles.Coordinator,
            DueAt = Now,
            CreatedAt = Now,
            CreatedById = "system",
            Rule = TaskRules.NoShowRule,
            ConsultationId = consultation.Id,
        };
        await App.WithDbAsync(db =>
        {
            db.Tasks.Add(Rule());
            return db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(db =>
        {
            db.Tasks.Add(Rule());
            return db.SaveChangesAsync();
        }));
    }
}

public sealed class MyDayTestsOnSqlite() : MyDayTests(TestDatabaseKind.Sqlite);

public sealed class MyDayTestsOnPostgres() : MyDayTests(TestDatabaseKind.Postgres);
