namespace SpineDesk.Web.Features.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EmailOutbox>();
        return services;
    }
}
