using MailKit.Security;

namespace SpineDesk.Web.Features.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => Enum.TryParse<SecureSocketOptions>(o.SmtpSecurity, ignoreCase: true, out _),
                "Email:SmtpSecurity must be one of Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect.")
            .ValidateOnStart();
        services.AddScoped<EmailOutbox>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
