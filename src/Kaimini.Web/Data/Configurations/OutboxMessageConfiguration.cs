using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Recipient).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Category).HasMaxLength(60);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.LastError).HasMaxLength(1000);

        // The dispatcher's claim: due pending messages, essential first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasFilter("status = 'Pending'");
        // The admin page: by status, newest first.
        builder.HasIndex(m => new { m.Status, m.CreatedAt });
        builder.HasIndex(m => m.CreatedAt);
        // Recipient search by prefix (stored lowercase), whatever the database's collation.
        builder.HasIndex(m => m.Recipient).HasOperators("varchar_pattern_ops");
        builder.HasIndex(m => m.BatchId).HasFilter("batch_id IS NOT NULL");
    }
}
