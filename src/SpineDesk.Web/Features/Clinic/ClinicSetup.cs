using Microsoft.Extensions.Options;

namespace SpineDesk.Web.Features.Clinic;

public static class ClinicSetup
{
    public static IServiceCollection AddClinic(this IServiceCollection services)
    {
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>The clinic's colours as CSS custom properties, so a clinic brands the site by configuration alone.</summary>
    public static IEndpointRouteBuilder MapClinicTheme(this IEndpointRouteBuilder app)
    {
        app.MapGet("/theme.css", (IOptions<ClinicOptions> clinic) =>
            TypedResults.Text(
                $":root {{ --brand: {clinic.Value.PrimaryColour}; --brand-contrast: {clinic.Value.PrimaryContrastColour}; }}\n",
                "text/css"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
