using Kaimini.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>ICU Latvian collation: c&lt;č, g&lt;ģ, k&lt;ķ … whatever the server's locale.</summary>
    public const string LatvianCollation = "lv_icu";

    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<EmailSuppression> EmailSuppressions => Set<EmailSuppression>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<BulkSend> BulkSends => Set<BulkSend>();
    public DbSet<BulkSendRecipient> BulkSendRecipients => Set<BulkSendRecipient>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<CommunityMembership> CommunityMemberships => Set<CommunityMembership>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<LeaderProfile> LeaderProfiles => Set<LeaderProfile>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<CoOrganiserRequest> CoOrganiserRequests => Set<CoOrganiserRequest>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<ForumGroup> ForumGroups => Set<ForumGroup>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<CooperationPost> CooperationPosts => Set<CooperationPost>();
    public DbSet<CooperationAnswer> CooperationAnswers => Set<CooperationAnswer>();
    public DbSet<CooperationReport> CooperationReports => Set<CooperationReport>();
    public DbSet<IdeaSupport> IdeaSupports => Set<IdeaSupport>();
    public DbSet<IdeaHistoryEntry> IdeaHistory => Set<IdeaHistoryEntry>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<NewsItem> News => Set<NewsItem>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<DigestSend> DigestSends => Set<DigestSend>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();
    public DbSet<ReportPerson> ReportPeople => Set<ReportPerson>();
    public DbSet<ReportAccount> ReportAccounts => Set<ReportAccount>();
    public DbSet<ReportRegistration> ReportRegistrations => Set<ReportRegistration>();
    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();
    public DbSet<ReportIdea> ReportIdeas => Set<ReportIdea>();
    public DbSet<ReportSupport> ReportSupports => Set<ReportSupport>();

    /// <summary>The rows of <c>community_themes</c> (the join of <see cref="Community.Themes"/>), to
    /// filter and read theme ids without joining <c>themes</c>: through the navigation EF Core joins
    /// it, and PostgreSQL then plans a directory's theme filter as a scan of every community (see
    /// <see cref="CommunityThemeQueries"/>).</summary>
    public IQueryable<Dictionary<string, object>> CommunityThemes => Set<Dictionary<string, object>>("community_themes");

    /// <summary>The provider settings shared by the portal and the design-time factory.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("pg_trgm");
        builder.HasCollation(LatvianCollation, locale: "lv-x-icu", provider: "icu", deterministic: true);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
