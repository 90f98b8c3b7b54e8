namespace SpineDesk.Web.Features.Patients;

public static class PatientsSetup
{
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddScoped<PatientRegistry>();
        return services;
    }
}
