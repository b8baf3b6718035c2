namespace Kaimini.Web.Infrastructure.Email;

public static class EmailExtensions
{
    public static IServiceCollection AddKaiminiEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddScoped<EmailComposer>();
        return services;
    }
}
