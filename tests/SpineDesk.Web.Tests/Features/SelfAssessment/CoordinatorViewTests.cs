using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.SelfAssessment;

/// <summary>What coordinators see of a self-assessment: the scores, bands and drawing on the inquiry, the severity badges in the queue.</summary>
public abstract class CoordinatorViewTests(TestDatabaseKind kind) : SelfAssessmentTest(kind)
{
    private readonly CommandCounter _commands = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.ConfigureDbContext<SpineDeskDbContext>(o => o.AddInterceptors(_commands));
    }

    [Fact]
    public async Task The_inquiry_page_shows_the_scores_bands_risk_group_drawing_and_history()
    {
        await NewPatient().CompleteAsync();
        var id = await App.WithDbAsync(db => db.Inquiries.Select(i => i.Id).SingleAsync());
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var page = await coordinator.GetDocumentAsync($"/staff/inquiries/{id}");

        Assert.Equal("6 / 10", page.QuerySelector("#score-back-pain")!.TextContent.Trim());
        Assert.Equal("3 / 10", page.QuerySelector("#score-leg-pain")!.TextContent.Trim());
        var odi = page.QuerySelector("#score-odi")!.TextContent;
        Assert.Contains("36%: moderate disability (21–40%)", odi, StringComparison.Ordinal);
        Assert.DoesNotContain("Incomplete", odi, StringComparison.Ordinal);
        var startBack = page.QuerySelector("#score-startback")!.TextContent;
        Assert.Contains("Total 9 / 9, distress subscale 5 / 5: high risk", startBack, StringComparison.Ordinal);
        Assert.Equal("Pain below the knee: yes (left leg)", page.QuerySelector("#pain-below-knee")!.TextContent.Trim());
        Assert.Equal(
            ["Low back, middle", "Left buttock", "Left thigh (hip to knee)", "Left leg below the knee"],
            page.QuerySelectorAll("#pain-regions li").Select(li => li.TextContent.Trim()));
        Assert.Equal(2, page.QuerySelectorAll(".pain-figure .region-lower-leg-left.is-marked").Length);
        Assert.Empty(page.QuerySelectorAll(".pain-figure .region-lower-leg-right.is-marked"));
        var history = page.QuerySelector("#answers-pain-history")!;
        Assert.Equal("Physical therapy; Medication; Something else", history.QuerySelector("[data-link-id=treatments-tried]")!.TextContent.Trim());
        Assert.Equal("Acupuncture", history.QuerySelector("[data-link-id=treatments-other]")!.TextContent.Trim());
        Assert.Equal("Walk the dog again without stopping", history.QuerySelector("[data-link-id=goals]")!.TextContent.Trim());
        Assert.Contains("placeholder wording", page.QuerySelector("#self-assessment")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_oswestry_is_flagged_on_the_inquiry_page()
    {
        var patient = NewPatient();
        await patient.SafetyAsync();
        await patient.PainAsync();
        await patient.DrawingAsync();
        // Three sections skipped: 7 of 10 answered.
        await patient.StepAsync(SelfAssessmentWalk.OdiPart1, SelfAssessmentWalk.OdiPart2, ("q-odi-1", "5"), ("q-odi-2", "5"), ("q-odi-3", "5"));
        await patient.StepAsync(SelfAssessmentWalk.OdiPart2, SelfAssessmentWalk.StartBackPart1, ("q-odi-6", "5"), ("q-odi-7", "5"), ("q-odi-8", "5"), ("q-odi-9", "5"));
        await patient.StartBackAsync([0, 0, 0, 0, 0, 0, 0, 0], 0);
        await patient.HistoryAsync();
        await patient.ContactAsync();
        var id = await App.WithDbAsync(db => db.Inquiries.Select(i => i.Id).SingleAsync());
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var page = await coordinator.GetDocumentAsync($"/staff/inquiries/{id}");

        var odi = page.QuerySelector("#score-odi")!.TextContent;
        Assert.Contains("100%: bed-bound", odi, StringComparison.Ordinal);
        Assert.Contains("Incomplete", odi, StringComparison.Ordinal);
        Assert.Contains("Severe disability", odi, StringComparison.Ordinal);
        Assert.Contains("low risk", page.QuerySelector("#score-startback")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inquiry_from_the_contact_form_says_there_is_no_self_assessment()
    {
        await App.CreateBrowser().SubmitFormAsync("/contact", Intake.ContactRequestTests.ValidForm());
        var id = await App.WithDbAsync(db => db.Inquiries.Select(i => i.Id).SingleAsync());
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var page = await coordinator.GetDocumentAsync($"/staff/inquiries/{id}");

        Assert.Contains("did not send a self-assessment", page.QuerySelector("#self-assessment")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_marks_severe_disability_and_high_risk_in_words_in_one_query()
    {
        // Severe (all sections 5 → 100%) with low risk; moderate (36%) with high risk; none from the contact form.
        await NewPatient().CompleteAsync(odi: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], startBackFirstEight: [0, 0, 0, 0, 0, 0, 0, 0], startBackNinth: 0);
        await NewPatient().CompleteAsync();
        await App.CreateBrowser().SubmitFormAsync("/contact", Intake.ContactRequestTests.ValidForm());
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        _commands.Reset();
        var queue = await coordinator.GetDocumentAsync("/staff/queue");
        var withThree = _commands.Reads;

        var rows = queue.QuerySelectorAll("#queue tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Severe disability (ODI 100%)", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain("STarT Back high risk", rows[0], StringComparison.Ordinal);
        Assert.Contains("STarT Back high risk", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Severe disability", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Severe disability", rows[2], StringComparison.Ordinal);
        Assert.DoesNotContain("high risk", rows[2], StringComparison.Ordinal);

        // Two more inquiries with self-assessments read no more queries: the scores come with the rows.
        await NewPatient().CompleteAsync();
        await NewPatient().CompleteAsync();
        _commands.Reset();
        var five = await coordinator.GetDocumentAsync("/staff/queue");
        Assert.Equal(5, five.QuerySelectorAll("#queue tbody tr").Length);
        Assert.Equal(withThree, _commands.Reads);
    }

    /// <summary>Counts the SELECT commands the app sends.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _reads;

        public int Reads => _reads;

        public void Reset() => Interlocked.Exchange(ref _reads, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class CoordinatorViewOnSqlite() : CoordinatorViewTests(TestDatabaseKind.Sqlite);

public sealed class CoordinatorViewOnPostgres() : CoordinatorViewTests(TestDatabaseKind.Postgres);
