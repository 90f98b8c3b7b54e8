namespace SpineDesk.Web.Features.Demo;

public static class DemoSetup
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DemoClinicSeeder>();
        services.AddScoped<DemoScaleSeeder>();
        return services;
    }

    /// <summary>
    /// Fills an empty database with the demo clinic when <see cref="DemoOptions.SeedWhenEmpty"/> is set, so that
    /// <c>dotnet run</c> shows a working queue at once. Runs after migration, before the app takes requests.
    /// </summary>
    public static async Task SeedDemoWhenEmptyAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
        if (!options.SeedWhenEmpty)
        {
            return;
        }

        if (app.Environment.IsProduction())
        {
            app.Logger.LogWarning("Demo:SeedWhenEmpty is ignored in the Production environment; no demo content was added.");
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoClinicSeeder>();
        var result = await seeder.SeedAsync(new DemoSeedRequest(options.Inquiries, Random.Shared.Next(), Append: false), app.Lifetime.ApplicationStopping);
        if (result.Summary is { } summary)
        {
            app.Logger.LogInformation(
                "Demo content: added {Count} fictional inquiries and {Staff} demo staff (Demo:SeedWhenEmpty). Sign in with the administrator from the setup link.",
                summary.InquiriesAdded, summary.StaffCreated);
        }
    }
}
