namespace SpineDesk.Web.Features.Tasks;

public static class TasksSetup
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddScoped<TaskRules>();
        services.AddScoped<TaskOwners>();
        services.AddScoped<MyDayPlan>();
        return services;
    }
}
