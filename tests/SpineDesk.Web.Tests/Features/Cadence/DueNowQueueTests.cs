using AngleSharp.Dom;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Cadence;

/// <summary>The queue marks and filters who is due now, and measures the first-contact target in working time.</summary>
public abstract class DueNowQueueTests(TestDatabaseKind kind) : CadenceTest(kind)
{
    private static IElement? RowFor(IDocument page, string name) =>
        page.QuerySelectorAll("table#queue tbody tr").SingleOrDefault(r => r.QuerySelector("th a")!.TextContent.Trim() == name);

    private static List<string> Names(IDocument page) =>
        [.. page.QuerySelectorAll("table#queue tbody th a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Due_now_is_marked_and_the_filter_shows_only_those_due()
    {
        await App.AddInquiryAsync("Retry due", Urgency.Routine, Now.AddDays(-2), PipelineStage.Contacting,
            firstContactAttemptAt: Now.AddDays(-1), nextAttemptAt: Now.AddMinutes(-10));
        await App.AddInquiryAsync("Retry later", Urgency.Urgent, Now.AddDays(-2), PipelineStage.Contacting,
            firstContactAttemptAt: Now.AddDays(-1), nextAttemptAt: Now.AddDays(3));
        await App.AddInquiryAsync("New today", Urgency.Routine, Now.AddHours(-1));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var all = await client.GetDocumentAsync("/staff/queue");
        var due = await client.GetDocumentAsync("/staff/queue?show=due");

        Assert.Equal(["Retry later", "Retry due", "New today"], Names(all));
        Assert.NotNull(RowFor(all, "Retry due")!.QuerySelector("strong.due-now"));
        Assert.Null(RowFor(all, "Retry later")!.QuerySelector("strong.due-now"));
        // A new inquiry's first attempt is due as soon as the clinic is open after it arrived.
        Assert.NotNull(RowFor(all, "New today")!.QuerySelector("strong.due-now"));
        Assert.Contains("2 due now", all.QuerySelector("#queue-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Retry due", "New today"], Names(due));
        Assert.Equal("Due now", due.QuerySelector("nav.toolbar a[aria-current=page]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_first_contact_target_counts_working_hours_only_across_the_weekend()
    {
        // Routine target: 8 working hours. Arrived at about 16:00 on the day before: 2 h that day, 6 h today → due by about 14:00, an hour ago.
        await App.AddInquiryAsync("Yesterday afternoon", Urgency.Routine, Now.AddHours(-23));
        // Arrived at about 14:00 today: 4 h today, then the closed weekend, then 4 h → about 12:00 on the first working day after it.
        await App.AddInquiryAsync("Today before closing", Urgency.Routine, Now.AddHours(-1));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var page = await client.GetDocumentAsync("/staff/queue");

        var late = RowFor(page, "Yesterday afternoon")!;
        Assert.NotNull(late.QuerySelector("td.waiting span.overdue"));
        Assert.Equal(Iso(Now.AddHours(-1)), late.QuerySelector("td.waiting .first-contact time")!.GetAttribute("datetime"));
        var inTime = RowFor(page, "Today before closing")!;
        Assert.Null(inTime.QuerySelector("td.waiting span.overdue"));
        Assert.Equal(Iso(Now.AddHours(-1).AddDays(3).AddHours(-2)), inTime.QuerySelector("td.waiting .first-contact time")!.GetAttribute("datetime"));
        Assert.Contains("1 over target", page.QuerySelector("#queue-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("routine within 8 working hours", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class DueNowQueueOnSqlite() : DueNowQueueTests(TestDatabaseKind.Sqlite);

public sealed class DueNowQueueOnPostgres() : DueNowQueueTests(TestDatabaseKind.Postgres);
