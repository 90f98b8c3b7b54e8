using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Queue;

public abstract class QueueTests(TestDatabaseKind kind) : AppTest(kind)
{
    private FakeTimeProvider _time = null!;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        // Open round the clock and targets in working time, so that working time is (nearly) wall-clock time here;
        // the cadence tests check the working-time arithmetic across closed days.
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            settings[$"Clinic:BusinessHours:{day}:0"] = "00:00-23:59";
        }

        settings["Cadence:RoutineFirstContactTarget"] = "1.00:00:00";
        settings["Cadence:UrgentFirstContactTarget"] = "04:00:00";
        settings["Cadence:EmergencyFirstContactTarget"] = "04:00:00";
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        _time = services.UseFakeTime();
        services.UseRemoteAddress();
    }

    private static IElement RowFor(IDocument page, string name) =>
        page.QuerySelectorAll("table#queue tbody tr").Single(r => r.QuerySelector("th a")!.TextContent.Trim() == name);

    private static string Cell(IElement row, int column) => row.Children[column].TextContent.Trim();

    [Fact]
    public async Task Open_inquiries_come_emergency_then_urgent_then_routine_longest_waiting_first()
    {
        await App.AddInquiryAsync("Routine old", Urgency.Routine, Now.AddDays(-2));
        await App.AddInquiryAsync("Urgent new", Urgency.Urgent, Now.AddMinutes(-30));
        await App.AddInquiryAsync("Emergency new", Urgency.Emergency, Now.AddMinutes(-5));
        await App.AddInquiryAsync("Urgent old", Urgency.Urgent, Now.AddHours(-6), PipelineStage.Contacting, firstContactAttemptAt: Now.AddHours(-5));
        await App.AddInquiryAsync("Routine new", Urgency.Routine, Now.AddMinutes(-10));
        await App.AddInquiryAsync("Emergency old", Urgency.Emergency, Now.AddMinutes(-50));
        await App.AddInquiryAsync("Closed one", Urgency.Emergency, Now.AddDays(-3), PipelineStage.Closed);
        await App.AddInquiryAsync("Booked one", Urgency.Urgent, Now.AddDays(-3), PipelineStage.ConsultationScheduled);
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var page = await client.GetDocumentAsync("/staff/queue");

        var names = page.QuerySelectorAll("table.data-table#queue tbody tr th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Emergency old", "Emergency new", "Urgent old", "Urgent new", "Routine old", "Routine new"], names);
        Assert.Equal("Emergency", Cell(RowFor(page, "Emergency new"), 1));
        Assert.NotNull(RowFor(page, "Urgent new").QuerySelector(".badge-urgent"));
        Assert.NotNull(page.QuerySelector("div.table-scroll > table#queue"));
    }

    [Fact]
    public async Task Waiting_time_is_in_words_and_marked_when_over_the_target_for_its_urgency()
    {
        await App.AddInquiryAsync("Routine waiting", Urgency.Routine, Now.AddHours(-3).AddMinutes(-20));
        await App.AddInquiryAsync("Routine too long", Urgency.Routine, Now.AddDays(-1).AddHours(-2));
        await App.AddInquiryAsync("Urgent too long", Urgency.Urgent, Now.AddHours(-4).AddMinutes(-5));
        await App.AddInquiryAsync("Urgent in time", Urgency.Urgent, Now.AddHours(-3).AddMinutes(-55));
        await App.AddInquiryAsync("Emergency too long", Urgency.Emergency, Now.AddHours(-5));
        await App.AddInquiryAsync("Urgent already tried", Urgency.Urgent, Now.AddHours(-9), PipelineStage.Contacting, firstContactAttemptAt: Now.AddHours(-8));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var page = await client.GetDocumentAsync("/staff/queue");

        var routine = RowFor(page, "Routine waiting").Children[2];
        Assert.StartsWith("3 h 20 min", routine.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("First contact by", routine.TextContent, StringComparison.Ordinal);
        Assert.Null(routine.QuerySelector("span.overdue"));
        Assert.Equal("Over target", RowFor(page, "Routine too long").QuerySelector("span.overdue")?.TextContent.Trim());
        Assert.StartsWith("1 day 2 h", Cell(RowFor(page, "Routine too long"), 2), StringComparison.Ordinal);
        Assert.NotNull(RowFor(page, "Urgent too long").QuerySelector("td.waiting span.overdue"));
        Assert.Null(RowFor(page, "Urgent in time").QuerySelector("span.overdue"));
        Assert.NotNull(RowFor(page, "Emergency too long").QuerySelector("span.overdue"));
        // The target is for the first attempt; once someone has tried, the row is not marked.
        Assert.Null(RowFor(page, "Urgent already tried").QuerySelector("span.overdue"));
        Assert.Contains("3 over target", page.QuerySelector("#queue-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_row_shows_the_reason_owner_stage_and_next_attempt()
    {
        var owner = await App.CreateAsync(StaffRoles.Coordinator);
        var longMessage = "My lower back has hurt for two years and it is worse when I sit at my desk for long periods, and it wakes me up.";
        await App.AddInquiryAsync("With message", Urgency.Routine, Now.AddHours(-1), message: longMessage);
        await App.AddInquiryAsync("With red flags", Urgency.Urgent, Now.AddHours(-1), redFlags: [RedFlagSign.Fever, RedFlagSign.Osteoporosis],
            ownerId: owner.Id, stage: PipelineStage.Contacting, firstContactAttemptAt: Now.AddMinutes(-30), nextAttemptAt: Now.AddMinutes(-1));
        await App.AddInquiryAsync("No message", Urgency.Routine, Now.AddHours(-1), message: null, nextAttemptAt: Now.AddDays(3));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var page = await client.GetDocumentAsync("/staff/queue");

        var withMessage = RowFor(page, "With message");
        var reason = Cell(withMessage, 3);
        Assert.StartsWith("My lower back has hurt for two years", reason, StringComparison.Ordinal);
        Assert.EndsWith("…", reason, StringComparison.Ordinal);
        Assert.True(reason.Length <= 81, reason);
        Assert.Equal("Unclaimed", Cell(withMessage, 4));
        Assert.Equal("New", Cell(withMessage, 5));
        Assert.StartsWith("First attempt", Cell(withMessage, 6), StringComparison.Ordinal);

        var flagged = RowFor(page, "With red flags");
        Assert.Equal("Possible spinal infection; Possible fracture", Cell(flagged, 3));
        Assert.Equal("Test Coordinator", Cell(flagged, 4));
        Assert.Equal("Contacting", Cell(flagged, 5));
        Assert.Contains("Due now", Cell(flagged, 6), StringComparison.Ordinal);
        var link = flagged.QuerySelector("th a")!.GetAttribute("href");
        Assert.Matches("^/staff/inquiries/[0-9]+$", link);

        Assert.Equal("No message", Cell(RowFor(page, "No message"), 3));
        Assert.DoesNotContain("Due now", Cell(RowFor(page, "No message"), 6), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_shows_mine_or_unclaimed()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var colleague = await App.CreateAsync(StaffRoles.Coordinator);
        await App.AddInquiryAsync("Mine", Urgency.Routine, Now.AddHours(-1), ownerId: me.Id);
        await App.AddInquiryAsync("Theirs", Urgency.Routine, Now.AddHours(-2), ownerId: colleague.Id);
        await App.AddInquiryAsync("Nobody's", Urgency.Routine, Now.AddHours(-3));

        async Task<List<string>> NamesAsync(string url) =>
            [.. (await client.GetDocumentAsync(url)).QuerySelectorAll("table#queue tbody th a").Select(a => a.TextContent.Trim())];

        Assert.Equal(["Nobody's", "Theirs", "Mine"], await NamesAsync("/staff/queue"));
        Assert.Equal(["Mine"], await NamesAsync("/staff/queue?show=mine"));
        Assert.Equal(["Nobody's"], await NamesAsync("/staff/queue?show=unclaimed"));
        var page = await client.GetDocumentAsync("/staff/queue?show=mine");
        Assert.Equal("Mine", page.QuerySelector("nav.toolbar a[aria-current=page]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_long_queue_comes_in_pages_of_fifty_with_the_counts_of_all_of_it()
    {
        // 52 routine inquiries, the oldest first in the queue; all of them long past their target.
        for (var n = 0; n < 52; n++)
        {
            await App.AddInquiryAsync($"Person {n:00}", Urgency.Routine, Now.AddDays(-5).AddMinutes(n * 60));
        }

        await App.AddInquiryAsync("Emergency", Urgency.Emergency, Now.AddMinutes(-5));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var first = await client.GetDocumentAsync("/staff/queue");
        var names = first.QuerySelectorAll("table#queue tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(50, names.Count);
        Assert.Equal("Emergency", names[0]);
        Assert.Equal("Person 48", names[^1]);
        var count = first.QuerySelector("#queue-count")!.TextContent;
        Assert.Contains("53 open inquiries", count, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", count, StringComparison.Ordinal);
        Assert.Contains("52 over target", count, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("#queue-pages a[rel=prev]"));
        var next = first.QuerySelector("#queue-pages a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/staff/queue?p=2", next);

        var second = await client.GetDocumentAsync(next!);
        Assert.Equal(["Person 49", "Person 50", "Person 51"],
            second.QuerySelectorAll("table#queue tbody th a").Select(a => a.TextContent.Trim()));
        Assert.Contains("Page 2 of 2", second.QuerySelector("#queue-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/staff/queue", second.QuerySelector("#queue-pages a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector("#queue-pages a[rel=next]"));

        // A page past the end shows the last one rather than an empty table.
        var beyond = await client.GetDocumentAsync("/staff/queue?p=9");
        Assert.Equal(3, beyond.QuerySelectorAll("table#queue tbody tr").Length);
    }

    [Fact]
    public async Task The_counts_cover_every_page_and_the_filters_keep_their_pages()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        for (var n = 0; n < 51; n++)
        {
            await App.AddInquiryAsync($"Mine {n:00}", Urgency.Routine, Now.AddDays(-2).AddMinutes(n), ownerId: me.Id);
        }

        await App.AddInquiryAsync("Unowned", Urgency.Routine, Now.AddMinutes(-30));

        var mine = await client.GetDocumentAsync("/staff/queue?show=mine");
        var count = mine.QuerySelector("#queue-count")!.TextContent;
        // Received two days ago with a one-day target: all 51 are over target and due, though only 50 are shown.
        Assert.Contains("51 open inquiries, 51 over target, 51 due now.", count, StringComparison.Ordinal);
        Assert.Equal("/staff/queue?show=mine&p=2", mine.QuerySelector("#queue-pages a[rel=next]")!.GetAttribute("href"));
        var second = await client.GetDocumentAsync("/staff/queue?show=mine&p=2");
        Assert.Equal(["Mine 50"], second.QuerySelectorAll("table#queue tbody th a").Select(a => a.TextContent.Trim()));
        Assert.Contains("52 open inquiries", (await client.GetDocumentAsync("/staff/queue")).QuerySelector("#queue-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_queue_says_so()
    {
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var page = await client.GetDocumentAsync("/staff/queue");

        Assert.Null(page.QuerySelector("table#queue"));
        Assert.Contains("No open inquiries", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewing_the_queue_appends_an_audit_row()
    {
        await App.AddInquiryAsync("Someone", Urgency.Routine, Now.AddHours(-1));
        var (client, staff) = await App.SignedInAsync(StaffRoles.Clinician);

        var response = await client.GetAsync(new Uri("/staff/queue", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "queue.view"));
        Assert.Equal("Queue", row.EntityType);
        Assert.Equal("open", row.EntityId);
        Assert.Equal(staff.Id, row.UserId);
        Assert.Equal(staff.Email, row.UserName);
        Assert.Equal(QueueTestData.RemoteAddress, row.RemoteAddress);
        Assert.Equal(Now, row.At, TimeSpan.FromSeconds(1));
    }
}

public sealed class QueueOnSqlite() : QueueTests(TestDatabaseKind.Sqlite);

public sealed class QueueOnPostgres() : QueueTests(TestDatabaseKind.Postgres);
