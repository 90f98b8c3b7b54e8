using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpineDesk.Data;
using SpineDesk.Data.Outbox;
using SpineDesk.Web.Features.Outbox;
using SpineDesk.Web.Tests.Features.Intake;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Outbox;

internal static class OutboxTestSupport
{
    /// <summary>A recipient no other test uses, so a test reads only its own mail at the shared server.</summary>
    public static string UniqueAddress(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    /// <summary>Sends the public contact form with this email address; returns the reference number given.</summary>
    public static async Task<string> SubmitContactRequestAsync(this SpineDeskApp app, string email)
    {
        var response = await app.CreateBrowser().SubmitFormAsync("/contact", ContactRequestTests.ValidForm(email: email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var query = QueryHelpers.ParseQuery(location[location.IndexOf('?', StringComparison.Ordinal)..]);
        return query["reference"].ToString();
    }

    /// <summary>Queues emails the way a feature does: through <see cref="EmailOutbox"/>, committed together.</summary>
    public static async Task EnqueueAsync(this SpineDeskApp app, Action<EmailOutbox> enqueue)
    {
        await using var scope = app.Services.CreateAsyncScope();
        enqueue(scope.ServiceProvider.GetRequiredService<EmailOutbox>());
        await scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>().SaveChangesAsync();
    }

    /// <summary>A sender of the app's own services that the test drives pass by pass, not on a timer.</summary>
    public static OutboxSender CreateSender(this SpineDeskApp app) => ActivatorUtilities.CreateInstance<OutboxSender>(app.Services);

    /// <summary>Takes the app's timed sender out, for tests that run passes themselves.</summary>
    public static void RemoveHostedSender(IServiceCollection services)
    {
        var hosted = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender));
        services.Remove(hosted);
    }

    public static Task<OutboxMessage> MessageAsync(this SpineDeskApp app, long id) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Include(m => m.Attempts).SingleAsync(m => m.Id == id));

    public static Task<OutboxMessage> MessageToAsync(this SpineDeskApp app, string address) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Include(m => m.Attempts).SingleAsync(m => m.ToAddress == address));

    /// <summary>Reads until <paramref name="done"/> holds, for up to 10 s; for work the app does in the background.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail($"Waited 10 s for {what}.");
            }

            await Task.Delay(50);
        }
    }
}

/// <summary>Keeps what the app logs, so a test can check what was (and was not) written.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
