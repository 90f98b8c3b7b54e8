using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpineDesk.Data.Outbox;
using SpineDesk.Web.Features.Outbox;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Outbox;

/// <summary>Two app instances on one database share the outbox: each message goes out once.</summary>
public abstract class ConcurrentSendersTests(TestDatabaseKind kind) : AppTest(kind)
{
    private const int MessageCount = 40;

    private MailDevServer _mail = null!;

    public override async ValueTask InitializeAsync()
    {
        _mail = await MailDevServer.GetAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        _mail.Configure(settings);
        settings["Email:PollInterval"] = "00:00:00.050";
    }

    [Fact]
    public async Task Two_app_instances_send_each_message_exactly_once()
    {
        await using var second = await SpineDeskApp.StartAsync(Kind, settings =>
        {
            Configure(settings);
            settings["Database:ConnectionString"] = App.Database.ConnectionString;
        });
        var address = OutboxTestSupport.UniqueAddress("many");

        await App.EnqueueAsync(outbox =>
        {
            for (var i = 0; i < MessageCount; i++)
            {
                outbox.Enqueue("test", address, $"Patient {i}", $"Message {i}", $"Body {i}");
            }
        });
        // Besides both apps' timed senders, four more passes start at once, two from each app, to make them race.
        var passes = Enumerable.Range(0, 4)
            .Select(i => (i % 2 == 0 ? App : second).CreateSender())
            .Select(sender => Task.Run(() => sender.SendDueAsync(TestContext.Current.CancellationToken)));
        await Task.WhenAll(passes);
        await OutboxTestSupport.EventuallyAsync(
            () => App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)),
            sent => sent == MessageCount,
            $"all {MessageCount} messages to be sent");

        // Stop both timed senders so that nothing is in flight while counting.
        await StopSenderAsync(second);
        await StopSenderAsync(App);
        var received = await _mail.WaitForMessagesToAsync(address, MessageCount);
        Assert.Equal(MessageCount, received.Count);
        var messageIds = await App.WithDbAsync(db => db.OutboxMessages.Select(m => "<" + m.MessageId + ">").ToListAsync());
        Assert.Equal(messageIds.Order(), received.Select(m => m.MessageId).Order());
        Assert.Equal(
            Enumerable.Range(0, MessageCount).Select(i => $"Message {i}").Order(),
            received.Select(m => m.Subject).Order());
        var attempts = await App.WithDbAsync(db => db.OutboxAttempts.ToListAsync());
        Assert.Equal(MessageCount, attempts.Count);
        Assert.All(attempts, a => Assert.True(a.Succeeded));
        Assert.Equal(MessageCount, attempts.Select(a => a.OutboxMessageId).Distinct().Count());
    }

    private static Task StopSenderAsync(SpineDeskApp app) =>
        app.Services.GetServices<IHostedService>().OfType<OutboxSender>().Single().StopAsync(TestContext.Current.CancellationToken);
}

public sealed class ConcurrentSendersOnSqlite() : ConcurrentSendersTests(TestDatabaseKind.Sqlite);

public sealed class ConcurrentSendersOnPostgres() : ConcurrentSendersTests(TestDatabaseKind.Postgres);
