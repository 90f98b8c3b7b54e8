using Microsoft.Extensions.Options;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Cadence;

public static class CadenceSetup
{
    /// <summary>The business calendar and contact cadence, checked at start, and the job that closes unreachable inquiries.</summary>
    public static IServiceCollection AddCadence(this IServiceCollection services)
    {
        services.AddOptions<CadenceOptions>().BindConfiguration(CadenceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CadenceOptions>, CadencePolicyValidation>();
        services.AddSingleton<IValidateOptions<ClinicOptions>, BusinessCalendarValidation>();
        services.AddSingleton<ClinicCadence>();
        services.AddHostedService<UnreachableClosing>();
        return services;
    }

    private sealed class CadencePolicyValidation : IValidateOptions<CadenceOptions>
    {
        public ValidateOptionsResult Validate(string? name, CadenceOptions options)
        {
            var errors = new List<string>();
            CadenceSettings.ReadPolicy(options, errors);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    private sealed class BusinessCalendarValidation : IValidateOptions<ClinicOptions>
    {
        public ValidateOptionsResult Validate(string? name, ClinicOptions options)
        {
            var errors = new List<string>();
            CadenceSettings.ReadCalendar(options, errors);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
