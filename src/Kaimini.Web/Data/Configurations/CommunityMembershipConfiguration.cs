using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class CommunityMembershipConfiguration : IEntityTypeConfiguration<CommunityMembership>
{
    public void Configure(EntityTypeBuilder<CommunityMembership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.CommunityId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        // Reports: the accounts that lead a community (who counts as a leader), read as one set.
        builder.HasIndex(m => m.UserId, "ix_community_memberships_leaders").HasFilter("is_leader").HasDatabaseName("ix_community_memberships_leaders");
        builder.HasOne(m => m.Community).WithMany(c => c.Memberships).HasForeignKey(m => m.CommunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
