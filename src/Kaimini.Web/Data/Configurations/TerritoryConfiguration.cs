using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(120);
        builder.Property(t => t.Name).HasMaxLength(120).UseCollation(AppDbContext.LatvianCollation);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.AtvkCode).HasMaxLength(7);
        builder.Property(t => t.Latitude).HasPrecision(8, 5);
        builder.Property(t => t.Longitude).HasPrecision(8, 5);

        builder.HasIndex(t => t.Slug).IsUnique();
        builder.HasIndex(t => new { t.Name, t.Kind, t.NovadsId }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(t => t.Kind);

        builder.HasOne(t => t.Parent).WithMany(t => t.Children)
            .HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Novads).WithMany()
            .HasForeignKey(t => t.NovadsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.FormerNovads).WithMany()
            .HasForeignKey(t => t.FormerNovadsId).OnDelete(DeleteBehavior.Restrict);
    }
}
