using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Data;
using SpineDesk.Data.Outbox;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Outbox;

/// <summary>The lease itself, with the race made to happen rather than hoped for.</summary>
public abstract class LeaseTests(TestDatabaseKind kind) : AppTest(kind)
{
    protected override void ConfigureServices(IServiceCollection services) => OutboxTestSupport.RemoveHostedSender(services);

    [Fact]
    public async Task A_sender_that_waited_for_another_ones_claim_does_not_take_the_same_messages()
    {
        var address = OutboxTestSupport.UniqueAddress("lease");
        await App.EnqueueAsync(outbox =>
        {
            for (var i = 0; i < 3; i++)
            {
                outbox.Enqueue("test", address, null, $"Message {i}", "Text");
            }
        });
        var sender = App.CreateSender();
        await using var firstScope = App.Services.CreateAsyncScope();
        await using var secondScope = App.Services.CreateAsyncScope();
        var firstDb = firstScope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
        var secondDb = secondScope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();

        // The first claim is made but not yet committed when the second starts, which must wait for it.
        await using var transaction = await firstDb.Database.BeginTransactionAsync();
        var first = await sender.ClaimAsync(firstDb, CancellationToken.None);
        Assert.Equal(3, first.Messages.Count);
        var second = Task.Run(() => sender.ClaimAsync(secondDb, CancellationToken.None));
        if (Kind == TestDatabaseKind.Postgres)
        {
            await OutboxTestSupport.EventuallyAsync(
                () => App.WithDbAsync(db => db.Database
                    .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                    .SingleAsync()),
                waiting => waiting > 0,
                "the second claim to wait for the first one's row locks");
        }

        await transaction.CommitAsync();

        Assert.Empty((await second).Messages);
        var leased = await App.WithDbAsync(db => db.OutboxMessages.Select(m => m.LeaseToken).Distinct().ToListAsync());
        Assert.Equal([first.Token], leased.Cast<Guid>());
        Assert.All(await App.WithDbAsync(db => db.OutboxMessages.ToListAsync()), m => Assert.Equal(OutboxStatus.Pending, m.Status));
    }

    [Fact]
    public async Task A_lease_that_ran_out_lets_another_sender_take_the_message()
    {
        var address = OutboxTestSupport.UniqueAddress("expired");
        await App.EnqueueAsync(outbox => outbox.Enqueue("test", address, null, "Message", "Text"));
        var sender = App.CreateSender();
        var first = await App.WithDbAsync(db => sender.ClaimAsync(db, CancellationToken.None));
        Assert.Single(first.Messages);
        Assert.Empty((await App.WithDbAsync(db => sender.ClaimAsync(db, CancellationToken.None))).Messages);

        // As when the first instance died mid-send: its lease ends and the message is due for someone else.
        await App.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedUntil, DateTime.UtcNow.AddSeconds(-1))));

        var second = await App.WithDbAsync(db => sender.ClaimAsync(db, CancellationToken.None));
        Assert.Equal(first.Messages[0].Id, Assert.Single(second.Messages).Id);
        Assert.NotEqual(first.Token, second.Token);
    }
}

public sealed class LeaseOnSqlite() : LeaseTests(TestDatabaseKind.Sqlite);

public sealed class LeaseOnPostgres() : LeaseTests(TestDatabaseKind.Postgres);
