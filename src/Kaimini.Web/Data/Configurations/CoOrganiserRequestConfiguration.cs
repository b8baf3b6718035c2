using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class CoOrganiserRequestConfiguration : IEntityTypeConfiguration<CoOrganiserRequest>
{
    public void Configure(EntityTypeBuilder<CoOrganiserRequest> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        // One open request per event and community; answered ones stay as the record.
        builder.HasIndex(r => new { r.EventId, r.CommunityId }).IsUnique().HasFilter("status = 'Pending'");
        builder.HasIndex(r => new { r.CommunityId, r.Status });
        builder.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Community).WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.RequestedBy).WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.AnsweredById).OnDelete(DeleteBehavior.SetNull);
    }
}
