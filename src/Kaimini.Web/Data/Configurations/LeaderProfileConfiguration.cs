using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class LeaderProfileConfiguration : IEntityTypeConfiguration<LeaderProfile>
{
    public void Configure(EntityTypeBuilder<LeaderProfile> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Bio).HasMaxLength(1000);
        builder.Property(p => p.ConsentGivenVersion).HasMaxLength(40);
        builder.Property(p => p.SearchDocument).HasMaxLength(2000);
        builder.HasIndex(p => p.IsPublic);
        builder.HasIndex(p => p.SearchDocument).HasMethod("GIN").HasOperators("gin_trgm_ops");
        builder.HasOne(p => p.User).WithOne().HasForeignKey<LeaderProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Territory).WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Interests).WithMany()
            .UsingEntity("leader_interests",
                r => r.HasOne(typeof(Theme)).WithMany().HasForeignKey("theme_id").OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne(typeof(LeaderProfile)).WithMany().HasForeignKey("user_id").OnDelete(DeleteBehavior.Cascade),
                j =>
                {
                    j.HasKey("user_id", "theme_id");
                    j.HasIndex("theme_id");
                });
    }
}
