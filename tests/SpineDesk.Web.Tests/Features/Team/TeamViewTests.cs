using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Team;
using SpineDesk.Web.Tests.Features.Cadence;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Team;

/// <summary>
/// The team view, on the cadence tests' clinic week: "now" is about 15:00 on the clinic's last working day, open
/// 08:00–18:00, routine first-contact target 8 working hours; three days ago was a working day.
/// </summary>
public abstract class TeamViewTests(TestDatabaseKind kind) : CadenceTest(kind)
{
    private static readonly int[] Hours = [1, 2, 3, 4, 10];

    private static string Cell(IDocument page, string owner, string column) =>
        page.QuerySelector($"table#workload tr[data-owner='{owner}'] td.{column}")!.TextContent.Trim();

    [Fact]
    public void Nearest_rank_percentiles_pick_an_observed_value()
    {
        List<TimeSpan> hours = [.. Hours.Select(h => TimeSpan.FromHours(h))];
        Assert.Equal(TimeSpan.FromHours(3), Percentiles.NearestRank(hours, 50));
        Assert.Equal(TimeSpan.FromHours(10), Percentiles.NearestRank(hours, 90));
        Assert.Equal(TimeSpan.FromHours(1), Percentiles.NearestRank(hours, 1));
        Assert.Null(Percentiles.NearestRank([], 50));
    }

    [Fact]
    public async Task Workload_counts_open_inquiries_per_owner_and_unclaimed()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var other = await App.CreateAsync(StaffRoles.Coordinator);
        await App.AddInquiryAsync("Due emergency", Urgency.Emergency, Now.AddHours(-2), PipelineStage.Contacting, me.Id,
            firstContactAttemptAt: Now.AddHours(-1), nextAttemptAt: Now.AddMinutes(-5));
        await App.AddInquiryAsync("Later urgent", Urgency.Urgent, Now.AddHours(-2), PipelineStage.Contacting, me.Id,
            firstContactAttemptAt: Now.AddHours(-1), nextAttemptAt: Now.AddDays(1));
        await App.AddInquiryAsync("Untried routine", Urgency.Routine, Now.AddHours(-1), PipelineStage.New, me.Id);
        await App.AddInquiryAsync("Scheduled", Urgency.Routine, Now.AddHours(-1), PipelineStage.ConsultationScheduled, me.Id);
        await App.AddInquiryAsync("Nobody's", Urgency.Urgent, Now.AddHours(-1));

        var page = await client.GetDocumentAsync("/staff/team");

        Assert.Equal("3", Cell(page, me.Id, "open"));
        Assert.Equal("2", Cell(page, me.Id, "due"));
        Assert.Equal("1", Cell(page, me.Id, "emergency"));
        Assert.Equal("1", Cell(page, me.Id, "urgent"));
        Assert.Equal("0", Cell(page, other.Id, "open"));
        Assert.Equal("1", Cell(page, TeamModel.UnclaimedKey, "open"));
        Assert.Equal("1", Cell(page, TeamModel.UnclaimedKey, "urgent"));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "team.view" && a.UserId == me.Id)));
    }

    [Fact]
    public async Task Bulk_reassign_moves_exactly_the_ticked_inquiries_with_audit_rows()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var target = await App.CreateAsync(StaffRoles.Coordinator);
        var first = await App.AddInquiryAsync("First", Urgency.Routine, Now.AddHours(-3), ownerId: me.Id);
        var second = await App.AddInquiryAsync("Second", Urgency.Urgent, Now.AddHours(-2), ownerId: me.Id);
        var kept = await App.AddInquiryAsync("Kept", Urgency.Routine, Now.AddHours(-1), ownerId: me.Id);

        var response = await client.SubmitFormAsync($"/staff/team?owner={me.Id}",
            [("Chosen", first.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             ("Chosen", second.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             ("Target", target.Id)],
            "#reassign-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var owners = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.OwnerId));
        Assert.Equal(target.Id, owners[first]);
        Assert.Equal(target.Id, owners[second]);
        Assert.Equal(me.Id, owners[kept]);
        var audited = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "inquiry.assign").Select(a => a.EntityId).ToListAsync());
        Assert.Equal([first.ToString(System.Globalization.CultureInfo.InvariantCulture), second.ToString(System.Globalization.CultureInfo.InvariantCulture)], audited.Order());
        var after = await client.GetDocumentAsync($"/staff/team?owner={me.Id}");
        Assert.Contains("2 inquiries reassigned", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", Cell(after, me.Id, "open"));
        Assert.Equal("2", Cell(after, target.Id, "open"));
    }

    [Fact]
    public async Task Bulk_reassign_refuses_a_target_who_is_not_a_coordinator()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var clinician = await App.CreateAsync(StaffRoles.Clinician);
        var id = await App.AddInquiryAsync("Stays", Urgency.Routine, Now.AddHours(-3), ownerId: me.Id);

        var response = await client.SubmitFormAsync($"/staff/team?owner={me.Id}",
            [("Chosen", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Target", clinician.Id)],
            "#reassign-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("not a coordinator", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(me.Id, await App.WithDbAsync(db => db.Inquiries.Where(i => i.Id == id).Select(i => i.OwnerId).SingleAsync()));
        Assert.False(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "inquiry.assign")));
    }

    [Fact]
    public async Task Figures_over_the_period()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var clinician = await App.CreateAsync(StaffRoles.Clinician);
        var today = Local(Now).Date;
        var nineAm = Utc(today.AddDays(-3).AddHours(9));

        // First attempts after 1, 2, 3, 4 and 10 hours; the target (8 working hours) ends at 17:00 that day.
        List<int> contacted = [];
        foreach (var hours in Hours)
        {
            contacted.Add(await App.AddInquiryAsync($"After {hours} h", Urgency.Routine, nineAm, PipelineStage.Contacting,
                firstContactAttemptAt: nineAm.AddHours(hours)));
        }

        var neverTried = await App.AddInquiryAsync("Never tried", Urgency.Routine, nineAm);
        await App.AddInquiryAsync("Not yet due", Urgency.Routine, Now.AddHours(-1));
        var old = await App.AddInquiryAsync("Long ago", Urgency.Routine, Now.AddDays(-40), PipelineStage.Contacting,
            firstContactAttemptAt: Now.AddDays(-40).AddHours(100));

        await App.WithDbAsync(async db =>
        {
            StageChange Change(int id, PipelineStage from, PipelineStage to) =>
                new() { InquiryId = id, At = Now.AddDays(-1), From = from, To = to, StaffUserId = me.Id };
            db.StageChanges.AddRange(
                Change(contacted[0], PipelineStage.Contacting, PipelineStage.ConsultationScheduled),
                Change(contacted[1], PipelineStage.Contacting, PipelineStage.ConsultationScheduled),
                Change(contacted[1], PipelineStage.ProcedureScheduled, PipelineStage.Treated),
                Change(old, PipelineStage.Contacting, PipelineStage.ConsultationScheduled));
            var n = 0;
            Consultation Booking(int inquiryId, DateTime start, ConsultationStatus status) => new()
            {
                InquiryId = inquiryId,
                ClinicianId = clinician.Id,
                StartUtc = start,
                EndUtc = start.AddMinutes(30),
                Status = status,
                BookedAt = start.AddDays(-7),
                BookedById = me.Id,
                IcsUid = $"team-test-{++n}@spinedesk.test",
            };
            db.Consultations.AddRange(
                Booking(contacted[0], nineAm.AddDays(1), ConsultationStatus.Completed),
                Booking(contacted[1], nineAm.AddDays(1).AddHours(1), ConsultationStatus.Completed),
                Booking(contacted[2], nineAm.AddDays(1).AddHours(2), ConsultationStatus.Completed),
                Booking(contacted[3], nineAm.AddDays(1).AddHours(3), ConsultationStatus.NoShow),
                Booking(contacted[4], nineAm.AddDays(1).AddHours(4), ConsultationStatus.Cancelled),
                Booking(neverTried, Now.AddDays(2), ConsultationStatus.Booked),
                Booking(old, Now.AddDays(-39), ConsultationStatus.NoShow));
            return await db.SaveChangesAsync();
        });

        var page = await client.GetDocumentAsync("/staff/team");

        Assert.Equal("7", page.QuerySelector("#received")!.TextContent.Trim());
        Assert.Equal("3 h", page.QuerySelector("#median")!.TextContent.Trim());
        Assert.Equal("10 h", page.QuerySelector("#p90")!.TextContent.Trim());
        // Within: the four tried in time. Missed: 10 h, and the one never tried. Not yet due: the one an hour old.
        var within = page.QuerySelector("#within-target")!.TextContent;
        Assert.StartsWith("67%", within.Trim(), StringComparison.Ordinal);
        Assert.Contains("4 of 6; 1 not yet due", within, StringComparison.Ordinal);
        var funnel = page.QuerySelectorAll("table#funnel tbody tr td:first-of-type").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["7", "2", "1"], funnel);
        Assert.StartsWith("25%", page.QuerySelector("#no-show")!.TextContent.Trim(), StringComparison.Ordinal);

        var earlier = await client.GetDocumentAsync(
            $"/staff/team?from={today.AddDays(-45):yyyy-MM-dd}&to={today.AddDays(-35):yyyy-MM-dd}");

        Assert.Equal("1", earlier.QuerySelector("#received")!.TextContent.Trim());
        Assert.Equal("4.2 days", earlier.QuerySelector("#median")!.TextContent.Trim());
        Assert.Equal(["1", "1", "0"], earlier.QuerySelectorAll("table#funnel tbody tr td:first-of-type").Select(td => td.TextContent.Trim()).ToList());
        Assert.StartsWith("100%", earlier.QuerySelector("#no-show")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}

public sealed class TeamViewOnSqlite() : TeamViewTests(TestDatabaseKind.Sqlite);

public sealed class TeamViewOnPostgres() : TeamViewTests(TestDatabaseKind.Postgres);
