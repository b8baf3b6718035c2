using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Body).HasMaxLength(5000);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.AddressedTo).HasConversion<string>().HasMaxLength(15);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.Response).HasConversion<string>().HasMaxLength(12);
        // Rows written without it (bulk COPY) are the portal's own.
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(10).HasDefaultValue(IdeaSource.Portal).HasSentinel(0);
        builder.Property(i => i.ImplementedBy).HasConversion<string>().HasMaxLength(15);
        builder.Property(i => i.AuthorName).HasMaxLength(100);
        builder.Property(i => i.AuthorEmail).HasMaxLength(254);
        builder.Property(i => i.Culture).HasMaxLength(5);
        builder.Property(i => i.ConfirmTokenHash).HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.HiddenReason).HasMaxLength(1000);
        builder.Property(i => i.SearchDocument).HasMaxLength(6000);

        // The rule of IdeaAnswerStage, kept by PostgreSQL on every write.
        builder.Property(i => i.AnswerStage)
            .HasComputedColumnSql(
                "CASE WHEN response = 'None' THEN 0 WHEN implemented_on IS NOT NULL OR response IN ('Done', 'Declined', 'Forwarded') THEN 2 ELSE 1 END",
                stored: true);

        // One index per list filter, each led by status (only published ideas are listed).
        builder.HasIndex(i => new { i.Status, i.CreatedAt });
        // The home page's newest ideas (and the digest): without it, a sort of every published idea.
        builder.HasIndex(i => new { i.Status, i.PublishedAt });
        builder.HasIndex(i => new { i.Status, i.SupportCount });
        builder.HasIndex(i => new { i.Status, i.TerritoryId });
        // A place and an answer ("Ķekavas novads, declined"): the bounded count is an index-only range
        // per parish (~0.5 ms) where a scan of published ideas read ~30,000 rows (~40 ms).
        builder.HasIndex(i => new { i.TerritoryId, i.Response }).HasFilter("status = 'Published'");
        // The foreign key's own index over every idea (the partial one above would otherwise replace it).
        builder.HasIndex(i => i.TerritoryId);
        builder.HasIndex(i => new { i.Status, i.ThemeId });
        builder.HasIndex(i => new { i.Status, i.AddressedTo, i.Response });
        builder.HasIndex(i => new { i.EventId, i.ForumGroupId });
        // The municipality's list, in its order (AnswerStage, then the oldest change first).
        builder.HasIndex(i => new { i.AddressedTo, i.AnswerStage, i.UpdatedAt, i.Id }).HasFilter("status = 'Published'");
        // Reports: ideas collected in a period, by theme and addressee.
        builder.HasIndex(i => new { i.Status, i.AddressedTo, i.CreatedAt });
        // The municipality's list filtered by theme and answer ("unanswered culture ideas"): its
        // bounded count is an index-only range (~0.3 ms) where a bitmap AND of two indexes took ~18 ms.
        builder.HasIndex(i => new { i.AddressedTo, i.ThemeId, i.Response }).HasFilter("status = 'Published'");
        // Active communities: ideas a community carried out, by day.
        builder.HasIndex(i => new { i.ImplementedByCommunityId, i.ImplementedOn }).HasFilter("implemented_by_community_id IS NOT NULL");
        builder.HasIndex(i => i.AuthorId);
        // The data download and account deletion find a person's ideas by address too.
        builder.HasIndex(i => i.AuthorEmail);
        builder.HasIndex(i => i.ConfirmTokenHash).IsUnique().HasFilter("confirm_token_hash IS NOT NULL");
        builder.HasIndex(i => i.SearchDocument).HasMethod("GIN").HasOperators("gin_trgm_ops");

        builder.HasOne<Territory>().WithMany().HasForeignKey(i => i.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Theme>().WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Event).WithMany().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ForumGroup>().WithMany().HasForeignKey(i => i.ForumGroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.EnteredById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Community>().WithMany().HasForeignKey(i => i.ImplementedByCommunityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Idea>().WithMany().HasForeignKey(i => i.MergedIntoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Supports).WithOne().HasForeignKey(s => s.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.History).WithOne().HasForeignKey(h => h.IdeaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class IdeaSupportConfiguration : IEntityTypeConfiguration<IdeaSupport>
{
    public void Configure(EntityTypeBuilder<IdeaSupport> builder)
    {
        // Once per person, however often the button is pressed.
        builder.HasIndex(s => new { s.IdeaId, s.UserId }).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.CreatedAt);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class IdeaHistoryEntryConfiguration : IEntityTypeConfiguration<IdeaHistoryEntry>
{
    public void Configure(EntityTypeBuilder<IdeaHistoryEntry> builder)
    {
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Response).HasConversion<string>().HasMaxLength(12);
        builder.Property(h => h.ImplementedBy).HasConversion<string>().HasMaxLength(15);
        builder.Property(h => h.ImplementedByName).HasMaxLength(200);
        builder.Property(h => h.Text).HasMaxLength(5000);
        builder.Property(h => h.ActorName).HasMaxLength(150);
        builder.HasIndex(h => new { h.IdeaId, h.At });
        // Reports: the first answer to each idea.
        builder.HasIndex(h => new { h.Kind, h.IdeaId, h.At });
        // The weekly digest's answers: those given in its week.
        builder.HasIndex(h => new { h.Kind, h.At });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(h => h.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
