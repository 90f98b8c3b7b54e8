namespace SpineDesk.Web.Features.Queue;

public static class QueueSetup
{
    public static IServiceCollection AddQueue(this IServiceCollection services)
    {
        services.AddSingleton<ClinicClock>();
        return services;
    }
}
