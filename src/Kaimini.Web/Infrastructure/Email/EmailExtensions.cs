namespace Kaimini.Web.Infrastructure.Email;

public static class EmailExtensions
{
    public static IServiceCollection AddKaiminiEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddScoped<EmailRenderer>();
        services.AddScoped<EmailComposer>();
        services.AddScoped<UnsubscribeLinks>();
        services.AddScoped<Mailer>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
