namespace SpineDesk.Web.Features.Search;

public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<InquirySearch>();
        services.AddScoped<InquiryMerge>();
        return services;
    }
}
