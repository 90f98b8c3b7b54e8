using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Data.Outbox;
using SpineDesk.Web.Features.Outbox;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Outbox;

/// <summary>
/// An SMTP server that cannot be reached: attempts are recorded, retried with backoff and finally given up.
/// Time is a <see cref="FakeTimeProvider"/> and the test runs the sender's passes itself, so no backoff is waited out.
/// </summary>
public abstract class RetryTests(TestDatabaseKind kind) : AppTest(kind)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();

    /// <summary>A loopback port nothing listens on (until a test starts a server there).</summary>
    private readonly int _closedPort = ClosedPort();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Email:SmtpHost"] = "127.0.0.1";
        settings["Email:SmtpPort"] = _closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Email:SmtpSecurity"] = "None";
        settings["Email:MaxAttempts"] = "3";
        settings["Email:FirstRetryDelay"] = "00:01:00";
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ILoggerProvider>(_logs);
        OutboxTestSupport.RemoveHostedSender(services);
    }

    [Fact]
    public async Task An_unreachable_server_is_retried_with_backoff_and_the_message_fails_after_the_last_attempt()
    {
        var address = OutboxTestSupport.UniqueAddress("maria");
        await App.SubmitContactRequestAsync(address);
        var sender = App.CreateSender();

        var firstAt = _time.GetUtcNow().UtcDateTime;
        Assert.Equal(1, await sender.SendDueAsync(Cancel));
        var message = await App.MessageToAsync(address);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(1, message.AttemptCount);
        Assert.StartsWith(nameof(SocketException), message.LastError, StringComparison.Ordinal);
        AssertBetween(firstAt + FirstRetryDelay, firstAt + (FirstRetryDelay * 1.1), message.NextAttemptAt);
        Assert.Null(message.LeaseToken);
        var attempt = Assert.Single(message.Attempts);
        Assert.False(attempt.Succeeded);
        Assert.Equal("smtp", attempt.Transport);
        Assert.Equal(message.LastError, attempt.Error);

        // Not due yet: nothing is tried before the backoff has passed.
        Assert.Equal(0, await sender.SendDueAsync(Cancel));
        _time.Advance(FirstRetryDelay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await sender.SendDueAsync(Cancel));

        _time.SetUtcNow(message.NextAttemptAt);
        var secondAt = message.NextAttemptAt;
        Assert.Equal(1, await sender.SendDueAsync(Cancel));
        message = await App.MessageToAsync(address);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(2, message.AttemptCount);
        AssertBetween(secondAt + (FirstRetryDelay * 2), secondAt + (FirstRetryDelay * 2.2), message.NextAttemptAt);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning && e.Category == typeof(OutboxSender).FullName);

        _time.SetUtcNow(message.NextAttemptAt);
        Assert.Equal(1, await sender.SendDueAsync(Cancel));
        message = await App.MessageToAsync(address);
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(3, message.AttemptCount);
        Assert.Null(message.SentAt);
        Assert.Equal(3, message.Attempts.Count);
        Assert.All(message.Attempts, a => Assert.False(a.Succeeded));

        // A failed message is not tried again, however long it waits.
        _time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await sender.SendDueAsync(Cancel));

        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(OutboxSender).FullName);
        Assert.Contains($"Outbox message {message.Id} ", warning.Message, StringComparison.Ordinal);
        Assert.Contains("failed", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(address, StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("Maria", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains(message.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_server_comes_back_the_next_attempt_delivers()
    {
        var address = OutboxTestSupport.UniqueAddress("maria");
        var reference = await App.SubmitContactRequestAsync(address);
        var sender = App.CreateSender();
        Assert.Equal(1, await sender.SendDueAsync(Cancel));
        var message = await App.MessageToAsync(address);
        Assert.Equal(OutboxStatus.Pending, message.Status);

        await using var server = await MailDevServer.StartAsync(smtpPort: _closedPort);
        _time.SetUtcNow(message.NextAttemptAt);
        Assert.Equal(1, await sender.SendDueAsync(Cancel));

        var mail = Assert.Single(await server.WaitForMessagesToAsync(address));
        Assert.Contains(reference, mail.Subject, StringComparison.Ordinal);
        message = await App.MessageToAsync(address);
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, message.SentAt);
        Assert.Equal(2, message.AttemptCount);
        Assert.Null(message.LastError);
        Assert.Equal([false, true], message.Attempts.OrderBy(a => a.Id).Select(a => a.Succeeded));
    }

    private static void AssertBetween(DateTime low, DateTime high, DateTime actual) =>
        Assert.True(actual >= low && actual <= high, $"Expected {actual:O} between {low:O} and {high:O}.");

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class RetryOnSqlite() : RetryTests(TestDatabaseKind.Sqlite);

public sealed class RetryOnPostgres() : RetryTests(TestDatabaseKind.Postgres);
