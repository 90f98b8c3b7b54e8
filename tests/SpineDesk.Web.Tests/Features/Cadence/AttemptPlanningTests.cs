using System.Net;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Cadence;

/// <summary>Logging an attempt plans the next one by the clinic's cadence, unless the coordinator gives a call-back time.</summary>
public abstract class AttemptPlanningTests(TestDatabaseKind kind) : CadenceTest(kind)
{
    [Fact]
    public async Task An_unanswered_attempt_on_the_last_afternoon_of_the_week_plans_the_next_for_the_first_working_day_after_the_weekend()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-2));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var response = await client.SubmitFormAsync(Url(id), [("Attempt.Channel", "Phone"), ("Attempt.Outcome", "NoAnswer")], "form#attempt-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inquiry = await ReloadAsync(id);
        // Policy: 1 business day after the first unanswered attempt, at the same time of day; the two closed days do not count.
        var expected = Now.AddDays(3);
        Assert.Equal(expected, inquiry.NextAttemptAt);
        Assert.Equal(expected, Assert.Single(inquiry.ContactAttempts).NextAttemptAt);
        var page = await client.GetDocumentAsync(Url(id));
        var status = page.QuerySelector("[role=status], .alert-success")!.TextContent;
        Assert.Contains("1 of 3 without an answer", status, StringComparison.Ordinal);
        Assert.Contains(Local(expected).ToString("ddd d MMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.InvariantCulture), status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attempt_logged_after_closing_time_plans_the_next_at_opening_on_the_next_working_day()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-2));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        // From about 15:00 to about 19:00 local: the clinic has closed for its weekend.
        Time.Advance(TimeSpan.FromHours(4));

        await client.SubmitFormAsync(Url(id), [("Attempt.Channel", "Phone"), ("Attempt.Outcome", "LeftVoicemail")], "form#attempt-form");

        var inquiry = await ReloadAsync(id);
        var opening = Utc(Local(Now).Date.AddDays(3).AddHours(8));
        Assert.Equal(opening, inquiry.NextAttemptAt);
        Assert.Equal(PipelineStage.Contacting, inquiry.Stage);
    }

    [Fact]
    public async Task A_call_back_time_the_person_asked_for_is_kept_as_typed()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Urgent, Now.AddHours(-1));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var asked = Local(Now).Date.AddDays(3).AddHours(10).AddMinutes(30);

        await client.SubmitFormAsync(Url(id),
            [("Attempt.Channel", "Phone"), ("Attempt.Outcome", "AskedToCallBack"), ("Attempt.NextAttempt", InputValue(asked))], "form#attempt-form");

        var inquiry = await ReloadAsync(id);
        Assert.Equal(Utc(asked), inquiry.NextAttemptAt);
        Assert.Equal(Utc(asked), Assert.Single(inquiry.ContactAttempts).NextAttemptAt);
    }

    [Fact]
    public async Task Reaching_the_person_plans_no_further_attempt()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, Now.AddHours(-1));
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        await client.SubmitFormAsync(Url(id), [("Attempt.Channel", "Phone"), ("Attempt.Outcome", "Reached")], "form#attempt-form");

        var inquiry = await ReloadAsync(id);
        Assert.Null(inquiry.NextAttemptAt);
        Assert.Equal(ContactOutcome.Reached, Assert.Single(inquiry.ContactAttempts).Outcome);
        Assert.Equal(0, await App.WithDbAsync(db => db.ContactAttempts.CountAsync(a => a.NextAttemptAt != null)));
    }
}

public sealed class AttemptPlanningOnSqlite() : AttemptPlanningTests(TestDatabaseKind.Sqlite);

public sealed class AttemptPlanningOnPostgres() : AttemptPlanningTests(TestDatabaseKind.Postgres);
