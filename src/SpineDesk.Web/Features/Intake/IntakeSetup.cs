using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace SpineDesk.Web.Features.Intake;

public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Form submissions one address may make per <see cref="RateLimitWindow"/>.</summary>
    [Range(1, 100_000)]
    public int RateLimitPermits { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(10);
}

public static class IntakeSetup
{
    public const string PublicFormsPolicy = "public-forms";

    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InquiryIntake>();
        services.AddSingleton<PhoneNumberReader>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Reading a page is never limited; sending a form is, per client address.
            limiter.AddPolicy(PublicFormsPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = options.RateLimitWindow,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(TooManyRequestsPage.Html(context.HttpContext), cancellationToken);
            };
        });
        return services;
    }
}
