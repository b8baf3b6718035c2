using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.PreferredCulture).HasMaxLength(5);
        builder.HasOne<Territory>().WithMany().HasForeignKey(u => u.NovadsId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => u.NovadsId);
        // The weekly digest's claim walks the subscribers in id order.
        builder.HasIndex(u => u.Id).HasDatabaseName("ix_asp_net_users_weekly_digest").HasFilter("weekly_digest");
    }
}
