using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SpineDesk.Web.Features.SelfAssessment;

public sealed class SelfAssessmentOptions
{
    public const string Section = "SelfAssessment";

    /// <summary>How long after its last answer a self-assessment can be continued in the same browser session.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan ResumeWithin { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Pages one address may send per <see cref="RateLimitWindow"/> while answering. A whole self-assessment is
    /// a dozen pages or more (with Back), so the contact form's budget would stop a person half way; the final
    /// contact details still count against the public-forms limit.
    /// </summary>
    [Range(1, 100_000)]
    public int RateLimitPermits { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(10);
}

public static class SelfAssessmentSetup
{
    /// <summary>The rate limit of the answer pages (POST only); the contact step uses the public-forms policy.</summary>
    public const string AnswersPolicy = "self-assessment-answers";

    public static IServiceCollection AddSelfAssessment(this IServiceCollection services)
    {
        services.AddOptions<SelfAssessmentOptions>().BindConfiguration(SelfAssessmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddScoped<SelfAssessmentPacks>();
        services.AddScoped<SelfAssessmentSession>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(AnswersPolicy, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            var options = context.RequestServices.GetRequiredService<IOptions<SelfAssessmentOptions>>().Value;
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RateLimitPermits,
                Window = options.RateLimitWindow,
                QueueLimit = 0,
            });
        }));
        return services;
    }
}
