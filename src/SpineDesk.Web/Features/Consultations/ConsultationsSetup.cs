using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Consultations;

public static class ConsultationsSetup
{
    /// <summary>Coordinators and administrators keep the clinicians' schedules; signed in with two factors.</summary>
    public const string SchedulingPolicy = "scheduling";

    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(SchedulingPolicy, p => p
            .RequireAuthenticatedUser()
            .RequireClaim(StaffPolicies.MfaClaimType, StaffPolicies.MfaClaimValue)
            .RequireRole(StaffRoles.Coordinator, StaffRoles.Administrator));
        services.AddScoped<BookableSlots>();
        services.AddScoped<ConsultationMail>();
        services.AddScoped<ConsultationBooking>();
        services.AddSingleton<ConsultationReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsultationReminders>());
        return services;
    }
}
