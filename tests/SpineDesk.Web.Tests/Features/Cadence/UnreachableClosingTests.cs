using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Tests.Features.Queue;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Cadence;

/// <summary>After the configured unanswered attempts, the job closes the inquiry once, with a final email and an audit row.</summary>
public abstract class UnreachableClosingTests(TestDatabaseKind kind) : CadenceTest(kind)
{
    /// <summary>An inquiry being contacted, with unanswered attempts on separate days (they count once per day).</summary>
    protected async Task<int> ContactingAsync(string name, params ContactOutcome[] outcomes)
    {
        var id = await App.AddInquiryAsync(name, Urgency.Routine, Now.AddDays(-10), PipelineStage.Contacting, firstContactAttemptAt: Now.AddDays(-9));
        for (var i = 0; i < outcomes.Length; i++)
        {
            await AddAttemptAsync(id, Now.AddDays(-9 + (2 * i)), outcomes[i]);
        }

        return id;
    }

    protected Task<(int Changes, int Emails, int Audits)> CountsAsync(int id) =>
        App.WithDbAsync(async db => (
            await db.StageChanges.CountAsync(s => s.InquiryId == id),
            await db.OutboxMessages.CountAsync(m => m.InquiryId == id),
            await db.AuditEntries.CountAsync(a => a.Action == UnreachableClosing.AuditAction)));

    [Fact]
    public async Task Three_unanswered_attempts_close_the_inquiry_once_with_a_final_email_and_an_audit_row()
    {
        var id = await ContactingAsync("Alex Unreachable", ContactOutcome.NoAnswer, ContactOutcome.LeftVoicemail, ContactOutcome.NoAnswer);

        var closed = await Job().CloseDueAsync(TestContext.Current.CancellationToken);
        var again = await Job().CloseDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 0), (closed, again));
        var inquiry = await ReloadAsync(id);
        Assert.Equal((PipelineStage.Closed, ClosureReason.Unreachable), (inquiry.Stage, inquiry.ClosureReason));
        Assert.Null(inquiry.NextAttemptAt);
        var change = Assert.Single(inquiry.StageChanges);
        Assert.Equal((PipelineStage.Contacting, PipelineStage.Closed, ClosureReason.Unreachable, "system", Now),
            (change.From, change.To, change.Reason, change.StaffUserId, change.At));
        var email = await App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.InquiryId == id));
        Assert.Equal((UnreachableEmail.Kind, "patient@example.com", "Alex Unreachable"), (email.Kind, email.ToAddress, email.ToName));
        Assert.Contains("We tried to reach you", email.Subject, StringComparison.Ordinal);
        Assert.Contains(inquiry.ReferenceNumber, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("call 911 or go to an emergency department now", email.TextBody, StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == UnreachableClosing.AuditAction));
        Assert.Equal(("system", "Inquiry", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.UserId, audit.EntityType, audit.EntityId));
        Assert.Equal((1, 1, 1), await CountsAsync(id));

        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);
        var page = await client.GetDocumentAsync(Url(id));
        var timeline = page.QuerySelectorAll("ol.timeline > li");
        // Newest first: the final email the closing queued, then the closing itself.
        Assert.Contains("Email: could not reach you (waiting to be sent)", timeline[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Stage: Contacting → Closed (Unreachable after the configured attempts) by SpineDesk (automatic, system)", timeline[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_closing_when_the_person_was_reached_or_the_attempts_are_not_used_up()
    {
        var reached = await ContactingAsync("Reached once", ContactOutcome.NoAnswer, ContactOutcome.NoAnswer, ContactOutcome.Reached, ContactOutcome.NoAnswer);
        var twice = await ContactingAsync("Two tries", ContactOutcome.NoAnswer, ContactOutcome.NoAnswer);
        var sameDay = await App.AddInquiryAsync("One busy day", Urgency.Routine, Now.AddDays(-2), PipelineStage.Contacting, firstContactAttemptAt: Now.AddHours(-3));
        foreach (var hours in new[] { -3, -2, -1 })
        {
            await AddAttemptAsync(sameDay, Now.AddHours(hours), ContactOutcome.NoAnswer);
        }

        Assert.Equal(0, await Job().CloseDueAsync(TestContext.Current.CancellationToken));

        foreach (var id in new[] { reached, twice, sameDay })
        {
            Assert.Equal(PipelineStage.Contacting, (await ReloadAsync(id)).Stage);
            Assert.Equal((0, 0, 0), await CountsAsync(id));
        }
    }

    [Fact]
    public async Task An_inquiry_without_an_email_address_is_closed_without_an_email()
    {
        var id = await ContactingAsync("No email", ContactOutcome.NoAnswer, ContactOutcome.NoAnswer, ContactOutcome.MessageSent);
        await App.WithDbAsync(db => db.Inquiries.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Email, (string?)null)));

        Assert.Equal(1, await Job().CloseDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(PipelineStage.Closed, (await ReloadAsync(id)).Stage);
        Assert.Equal((1, 0, 1), await CountsAsync(id));
    }
}

public sealed class UnreachableClosingOnSqlite() : UnreachableClosingTests(TestDatabaseKind.Sqlite);

public sealed class UnreachableClosingOnPostgres() : UnreachableClosingTests(TestDatabaseKind.Postgres)
{
    [Fact]
    public async Task Two_app_instances_racing_close_each_inquiry_once()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ContactingAsync($"Person {i}", ContactOutcome.NoAnswer, ContactOutcome.NoAnswer, ContactOutcome.NoAnswer));
        }

        await using var second = await SpineDeskApp.StartAsync(Kind, settings =>
        {
            Configure(settings);
            settings["Database:ConnectionString"] = App.Database.ConnectionString;
        });
        var passes = Enumerable.Range(0, 6)
            .Select(i => Job(i % 2 == 0 ? App : second))
            .Select(job => Task.Run(() => job.CloseDueAsync(TestContext.Current.CancellationToken)));
        var closed = await Task.WhenAll(passes);

        Assert.True(closed.Sum() <= ids.Count, $"closed {closed.Sum()} times");
        foreach (var id in ids)
        {
            Assert.Equal(PipelineStage.Closed, (await ReloadAsync(id)).Stage);
            var (changes, emails, _) = await CountsAsync(id);
            Assert.Equal((1, 1), (changes, emails));
        }

        Assert.Equal(ids.Count, (await CountsAsync(ids[0])).Audits);
    }
}
