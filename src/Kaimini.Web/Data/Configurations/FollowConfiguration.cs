using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("follows", t => t.HasCheckConstraint("ck_follows_one_target", "num_nonnulls(community_id, territory_id, theme_id) = 1"));
        builder.Ignore(f => f.Kind);
        builder.Ignore(f => f.TargetId);
        // One follow per person and target; each index leads with the target, so "who follows X"
        // (the digest, a community's follower count) is a range of one index.
        builder.HasIndex(f => new { f.CommunityId, f.UserId }).IsUnique().HasFilter("community_id IS NOT NULL");
        builder.HasIndex(f => new { f.TerritoryId, f.UserId }).IsUnique().HasFilter("territory_id IS NOT NULL");
        builder.HasIndex(f => new { f.ThemeId, f.UserId }).IsUnique().HasFilter("theme_id IS NOT NULL");
        // A person's own follows (their page, their data, deleting the account).
        builder.HasIndex(f => f.UserId);
        builder.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Community).WithMany().HasForeignKey(f => f.CommunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Territory).WithMany().HasForeignKey(f => f.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Theme).WithMany().HasForeignKey(f => f.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }
}
