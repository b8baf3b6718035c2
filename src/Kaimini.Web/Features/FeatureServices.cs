using Kaimini.Web.Features.Account;
using Kaimini.Web.Features.Invitations;

namespace Kaimini.Web.Features;

public static class FeatureServices
{
    /// <summary>Services that features share between their actions.</summary>
    public static IServiceCollection AddKaiminiFeatures(this IServiceCollection services)
    {
        services.AddScoped<AccountEmails>();
        services.AddScoped<InvitationService>();
        return services;
    }
}
