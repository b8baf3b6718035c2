using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.ParticipantType).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.AccessibilityNeeds).HasMaxLength(500);
        builder.Property(r => r.Culture).HasMaxLength(5);
        builder.Property(r => r.ManageTokenHash).HasMaxLength(64).IsFixedLength();
        // One registration per address and event, whatever its status: a second attempt is told so.
        builder.HasIndex(r => new { r.EventId, r.Email }).IsUnique();
        builder.HasIndex(r => new { r.EventId, r.Status, r.CreatedAt });
        builder.HasIndex(r => r.ManageTokenHash).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.HasOne(r => r.Event).WithMany(e => e.Registrations).HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.CommunityName).HasMaxLength(200);
        // The reminder job's scan: an event's confirmed registrations not yet reminded.
        builder.HasIndex(r => new { r.EventId, r.Status }).HasFilter("reminded_at IS NULL").HasDatabaseName("ix_event_registrations_unreminded");
        // Required since the migration Participation (set at sign-up; the rows before it were filled
        // by DatabaseInitializer with the key, which SQL does not have).
        builder.Property(r => r.PersonHash).HasMaxLength(64).IsFixedLength();
        // The retention job's scan: registrations still naming someone.
        builder.HasIndex(r => r.EventId).HasFilter("anonymised_at IS NULL").HasDatabaseName("ix_event_registrations_not_anonymised");
        builder.HasOne<Territory>().WithMany().HasForeignKey(r => r.TerritoryId).OnDelete(DeleteBehavior.SetNull);
        // Reports: attendance by the person's home and by the community they came from.
        builder.HasIndex(r => new { r.TerritoryId, r.EventId });
        builder.HasIndex(r => new { r.CommunityId, r.EventId });
    }
}
