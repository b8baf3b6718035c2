using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.Property(e => e.Slug).HasMaxLength(140);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Description).HasMaxLength(10_000);
        builder.Property(e => e.Venue).HasMaxLength(200);
        builder.Property(e => e.Address).HasMaxLength(300);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasIndex(e => new { e.Status, e.StartsAt });
        builder.HasIndex(e => new { e.Status, e.Kind, e.StartsAt });
        builder.HasOne(e => e.Territory).WithMany().HasForeignKey(e => e.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
