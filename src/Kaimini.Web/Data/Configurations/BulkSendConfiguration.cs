using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class BulkSendConfiguration : IEntityTypeConfiguration<BulkSend>
{
    public void Configure(EntityTypeBuilder<BulkSend> builder)
    {
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Role).HasMaxLength(40);
        builder.Property(b => b.Subject).HasMaxLength(200);
        builder.Property(b => b.Text).HasMaxLength(10_000);
        builder.Property(b => b.SenderName).HasMaxLength(200);

        builder.HasIndex(b => b.EventId).HasFilter("event_id IS NOT NULL");
        builder.HasOne(b => b.CreatedBy).WithMany().HasForeignKey(b => b.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Event>().WithMany().HasForeignKey(b => b.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Recipients).WithOne().HasForeignKey(r => r.BulkSendId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class BulkSendRecipientConfiguration : IEntityTypeConfiguration<BulkSendRecipient>
{
    public void Configure(EntityTypeBuilder<BulkSendRecipient> builder)
    {
        builder.HasKey(r => new { r.BulkSendId, r.Position });
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Culture).HasMaxLength(5);
        // The key is the workers' claim order too: what is left, oldest send first.
    }
}
