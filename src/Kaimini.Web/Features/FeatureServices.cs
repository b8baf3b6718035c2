using Kaimini.Web.Data;
using Kaimini.Web.Features.Account;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Invitations;
using Kaimini.Web.Infrastructure.Privacy;
using Kaimini.Web.Infrastructure.Text;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features;

public static class FeatureServices
{
    /// <summary>Services that features share between their actions.</summary>
    public static IServiceCollection AddKaiminiFeatures(this IServiceCollection services)
    {
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountRegistration>();
        services.AddScoped<LoginRefusals>();
        services.AddScoped<ReportFacts>();
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section);
        services.AddHostedService<Reports.ReportFactsWorker>();
        services.AddScoped<Reports.ReportQueries>();
        services.AddScoped<Reports.ReportBuilder>();
        services.AddScoped<AdminPopulation.PopulationImport>();
        services.AddScoped<AdminAudit.AuditLog>();
        services.AddScoped<InvitationService>();
        services.AddScoped<BulkSends.BulkSendQueue>();
        services.AddScoped<AdminInvitations.RoleInviter>();
        services.AddScoped<BulkSends.BulkSender>();
        services.AddScoped<AdminEvents.ChunkEvents>();
        services.AddScoped<BulkSends.IBulkSendHandler, AdminInvitations.RoleInvitationSends>();
        services.AddScoped<BulkSends.IBulkSendHandler, AdminEvents.EventInvitationSends>();
        services.AddScoped<BulkSends.IBulkSendHandler, AdminEvents.EventMessageSends>();
        services.AddOptions<BulkSends.BulkSendOptions>().BindConfiguration(BulkSends.BulkSendOptions.Section);
        services.AddHostedService<BulkSends.BulkSendWorker>();
        services.AddScoped<CommunityDirectory>();
        services.AddScoped<CommunityContact>();
        services.AddScoped<Leaders.LeaderDirectory>();
        services.AddScoped<News.NewsQueries>();
        services.AddScoped<Following.Follows>();
        // The Atom feeds carry every registered source (a community's and a territory's feeds all of them).
        services.AddScoped<Infrastructure.Feeds.AtomFeeds>();
        services.AddScoped<Infrastructure.Feeds.IFeedSource, News.NewsFeedSource>();
        services.AddScoped<Infrastructure.Feeds.IFeedSource, Events.EventFeedSource>();
        services.AddScoped<Infrastructure.Feeds.IFeedSource, Cooperation.CooperationFeedSource>();
        services.AddScoped<Cooperation.CooperationRelay>();
        services.AddScoped<Cooperation.CooperationModeration>();
        services.AddScoped<Shared.WhatsOnQueries>();
        services.AddScoped<Territories.TerritoryPage>();
        services.AddScoped<Home.HomePage>();
        services.AddScoped<CommunityFormValidator>();
        services.AddScoped<CommunityAudit>();
        services.AddScoped<CommunityProfiles>();
        services.AddScoped<Events.EventSignup>();
        services.AddScoped<Events.EventCalendar>();
        services.AddScoped<Events.EventPage>();
        services.AddScoped<AdminEvents.EventSheet>();
        services.AddScoped<AdminEvents.EventAccess>();
        services.AddScoped<AdminEvents.EventNotices>();
        services.AddScoped<AdminEvents.EventFormCommunities>();
        services.AddScoped<AdminEvents.EventFormValidator>();
        services.AddScoped<AdminEvents.EventFormPage>();
        services.AddScoped<AdminEvents.EventEditor>();
        services.AddScoped<AdminEvents.EventInviter>();
        services.AddScoped<CoOrganiserRequests.CoOrganiserRequestService>();
        services.AddScoped<Events.EventReminders>();
        services.AddOptions<Events.EventOptions>().BindConfiguration(Events.EventOptions.Section);
        services.AddHostedService<Events.EventReminderWorker>();
        services.AddScoped<Ideas.IdeaQueries>();
        services.AddScoped<Ideas.IdeaWorkflow>();
        services.AddScoped<Forums.ForumPage>();
        services.AddScoped<IdeaImplementation.ImplementationValidator>();
        services.AddScoped<Cooperation.CooperationBoard>();
        services.AddScoped<Cooperation.CooperationPostPage>();
        services.AddScoped<MunicipalityIdeas.IdeaDigest>();
        services.AddOptions<MunicipalityIdeas.IdeaDigestOptions>().BindConfiguration(MunicipalityIdeas.IdeaDigestOptions.Section);
        services.AddHostedService<MunicipalityIdeas.IdeaDigestWorker>();
        services.AddScoped<Digest.WeeklyDigest>();
        services.AddScoped<Digest.DigestUnsubscribeLinks>();
        services.AddOptions<Digest.WeeklyDigestOptions>().BindConfiguration(Digest.WeeklyDigestOptions.Section);
        services.AddHostedService<Digest.WeeklyDigestWorker>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section);
        services.AddSingleton<PersonHasher>();
        services.AddScoped<Privacy.RetentionJob>();
        services.AddScoped<Privacy.PersonalDataExport>();
        services.AddScoped<Privacy.AccountDeletion>();
        services.AddScoped<PersonHashBackfill>();
        services.AddHostedService<Privacy.RetentionWorker>();
        services.AddOptions<Shared.ContactsOptions>().BindConfiguration(Shared.ContactsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Shared.ContactsOptions>, Shared.ContactsOptionsValidator>();
        services.AddSingleton<About.PortalCookies>();
        return services;
    }
}
