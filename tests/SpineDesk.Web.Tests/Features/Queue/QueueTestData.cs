using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Queue;

/// <summary>Inquiries written straight to the database, with the arrival time a test needs.</summary>
public static class QueueTestData
{
    /// <summary>The address every request in these tests comes from (TEST-NET-3), so "from where" can be asserted.</summary>
    public const string RemoteAddress = "203.0.113.7";

    public static async Task<int> AddInquiryAsync(
        this SpineDeskApp app,
        string name,
        Urgency urgency,
        DateTime receivedAt,
        PipelineStage stage = PipelineStage.New,
        string? ownerId = null,
        RedFlagSign[]? redFlags = null,
        string? message = "Back pain for a year.",
        DateTime? firstContactAttemptAt = null,
        DateTime? nextAttemptAt = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return await app.WithDbAsync(async db =>
        {
            var inquiry = new Inquiry
            {
                ReferenceNumber = ReferenceNumbers.New(),
                ReceivedAt = receivedAt,
                Name = name,
                Phone = "+12125550143",
                Email = "patient@example.com",
                Language = "en",
                ConsentToContact = true,
                Message = message,
                RedFlags = [.. redFlags ?? []],
                Urgency = urgency,
                Stage = stage,
                OwnerId = ownerId,
                FirstContactAttemptAt = firstContactAttemptAt,
                NextAttemptAt = nextAttemptAt,
            };
            db.Inquiries.Add(inquiry);
            await db.SaveChangesAsync();
            return inquiry.Id;
        });
    }

    /// <summary>A frozen clock at the real time now: sign-in codes still match, and waiting times are exact.</summary>
    public static FakeTimeProvider UseFakeTime(this IServiceCollection services)
    {
        // Whole seconds, so that times read back from either database compare exactly.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        return time;
    }

    /// <summary>TestServer gives requests no remote address; give them one.</summary>
    public static void UseRemoteAddress(this IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, RemoteAddressFilter>();

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Parse(RemoteAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
