namespace SpineDesk.Web.Features.Questionnaires;

public static class QuestionnairesSetup
{
    public static IServiceCollection AddQuestionnaires(this IServiceCollection services)
    {
        services.AddSingleton<ParsedPackCache>();
        services.AddScoped<QuestionnairePackLibrary>();
        services.AddScoped<QuestionnairePackImporter>();
        services.AddSingleton<ShippedQuestionnaires>();
        services.AddHostedService(sp => sp.GetRequiredService<ShippedQuestionnaires>());
        return services;
    }
}
