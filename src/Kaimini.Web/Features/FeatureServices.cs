using Kaimini.Web.Features.Account;

namespace Kaimini.Web.Features;

public static class FeatureServices
{
    /// <summary>Services that features share between their actions.</summary>
    public static IServiceCollection AddKaiminiFeatures(this IServiceCollection services)
    {
        services.AddScoped<AccountEmails>();
        return services;
    }
}
