using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class CooperationPostConfiguration : IEntityTypeConfiguration<CooperationPost>
{
    public void Configure(EntityTypeBuilder<CooperationPost> builder)
    {
        builder.Property(p => p.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Title).HasMaxLength(CooperationPost.TitleMax);
        builder.Property(p => p.Body).HasMaxLength(CooperationPost.BodyMax);
        builder.Property(p => p.HiddenReason).HasMaxLength(1000);
        builder.Property(p => p.SearchDocument).HasMaxLength(6000);

        // The list shows open posts whose day has not passed (status, valid_until), newest first;
        // one index per filter, each led by status.
        builder.HasIndex(p => new { p.Status, p.ValidUntil });
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasIndex(p => new { p.Status, p.Kind });
        builder.HasIndex(p => new { p.Status, p.Direction });
        builder.HasIndex(p => new { p.Status, p.ThemeId });
        builder.HasIndex(p => new { p.Status, p.NovadsId });
        builder.HasIndex(p => new { p.Status, p.FormerNovadsId });
        builder.HasIndex(p => new { p.Status, p.ParishId });
        builder.HasIndex(p => new { p.CommunityId, p.CreatedAt });
        // Reports: matches in a period.
        builder.HasIndex(p => new { p.MatchedCommunityId, p.MatchedAt }).HasFilter("matched_community_id IS NOT NULL");
        builder.HasIndex(p => p.SearchDocument).HasMethod("GIN").HasOperators("gin_trgm_ops");
        builder.HasIndex(p => p.CreatedById);

        builder.HasOne(p => p.Community).WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Community>().WithMany().HasForeignKey(p => p.MatchedCommunityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Theme>().WithMany().HasForeignKey(p => p.ThemeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Territory>().WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Territory>().WithMany().HasForeignKey(p => p.NovadsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Territory>().WithMany().HasForeignKey(p => p.FormerNovadsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Territory>().WithMany().HasForeignKey(p => p.ParishId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

public class CooperationAnswerConfiguration : IEntityTypeConfiguration<CooperationAnswer>
{
    public void Configure(EntityTypeBuilder<CooperationAnswer> builder)
    {
        builder.Property(a => a.SenderName).HasMaxLength(150);
        builder.Property(a => a.Message).HasMaxLength(CooperationPost.BodyMax);
        builder.HasIndex(a => new { a.PostId, a.CreatedAt });
        builder.HasIndex(a => a.SenderId);
        builder.HasIndex(a => a.ReplyToId);
        builder.HasOne<CooperationPost>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CooperationAnswer>().WithMany().HasForeignKey(a => a.ReplyToId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.SenderId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class CooperationReportConfiguration : IEntityTypeConfiguration<CooperationReport>
{
    public void Configure(EntityTypeBuilder<CooperationReport> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(1000);
        // The organisers' page lists the open reports.
        builder.HasIndex(r => new { r.ResolvedAt, r.CreatedAt });
        builder.HasIndex(r => r.PostId);
        builder.HasIndex(r => r.ReporterId);
        builder.HasOne(r => r.Post).WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ResolvedById).OnDelete(DeleteBehavior.SetNull);
    }
}
