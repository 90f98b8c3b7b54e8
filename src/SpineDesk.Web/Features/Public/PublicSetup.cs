namespace SpineDesk.Web.Features.Public;

public static class PublicSetup
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        services.AddSingleton<EducationContent>();
        return services;
    }
}
