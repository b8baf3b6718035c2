using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

// The reports' summary tables (Data/ReportFacts.cs). No foreign keys: they are rebuilt
// from the source tables, which may lose rows before a refresh runs.

public class ReportPersonConfiguration : IEntityTypeConfiguration<ReportPerson>
{
    public void Configure(EntityTypeBuilder<ReportPerson> builder)
    {
        builder.Property(p => p.PersonHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(p => p.PersonHash).IsUnique();
    }
}

public class ReportAccountConfiguration : IEntityTypeConfiguration<ReportAccount>
{
    public void Configure(EntityTypeBuilder<ReportAccount> builder)
    {
        builder.HasIndex(a => a.UserId).IsUnique();
    }
}

public class ReportRegistrationConfiguration : IEntityTypeConfiguration<ReportRegistration>
{
    public void Configure(EntityTypeBuilder<ReportRegistration> builder)
    {
        builder.HasKey(r => r.RegistrationId);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Class).HasConversion<string>().HasMaxLength(20);
        // A period's registrations, of the network, by venue or by home; an event's (the refresh); a
        // person's (their first attendance).
        builder.HasIndex(r => r.StartsAt);
        // A period's attendances with everything the people figures read, so they come from the
        // index alone (index-only scans; rows of one period are scattered over the table).
        builder.HasIndex(r => r.StartsAt, "ix_report_registrations_attendances")
            .IncludeProperties(r => new { r.PersonId, r.HomeId, r.Kind, r.ThemeId, r.Class, r.Flags, r.TrainingDays, r.FirstAttendedAt, r.CommunityId })
            .HasFilter("status = 'Confirmed' AND attended")
            .HasDatabaseName("ix_report_registrations_attendances");
        builder.HasIndex(r => new { r.VenueId, r.StartsAt });
        builder.HasIndex(r => new { r.HomeId, r.StartsAt });
        builder.HasIndex(r => r.EventId);
        builder.HasIndex(r => r.PersonId);
        // Organisations taking part for the first time: any attendance of theirs before the period.
        builder.HasIndex(r => new { r.CommunityId, r.StartsAt }).HasFilter("status = 'Confirmed' AND attended");
    }
}

public class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> builder)
    {
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => e.StartsAt);
    }
}

public class ReportIdeaConfiguration : IEntityTypeConfiguration<ReportIdea>
{
    public void Configure(EntityTypeBuilder<ReportIdea> builder)
    {
        builder.HasKey(i => i.IdeaId);
        builder.Property(i => i.IdeaId).ValueGeneratedNever();
        builder.Property(i => i.EventKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.AddressedTo).HasConversion<string>().HasMaxLength(15);
        builder.Property(i => i.Response).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.ImplementedBy).HasConversion<string>().HasMaxLength(15);
        // Ideas collected in a period, of the network (index-only) or a territory; carried out in a period.
        builder.HasIndex(i => i.CreatedAt).IncludeProperties(i => new
        {
            i.TerritoryId,
            i.ThemeId,
            i.EventKind,
            i.ForumGroupId,
            i.Source,
            i.AddressedTo,
            i.Response,
            i.ImplementedOn,
            i.FirstAnsweredAt,
        });
        builder.HasIndex(i => new { i.TerritoryId, i.CreatedAt });
        builder.HasIndex(i => i.ImplementedOn).HasFilter("implemented_on IS NOT NULL");
    }
}

public class ReportSupportConfiguration : IEntityTypeConfiguration<ReportSupport>
{
    public void Configure(EntityTypeBuilder<ReportSupport> builder)
    {
        builder.HasKey(s => s.SupportId);
        builder.Property(s => s.SupportId).ValueGeneratedNever();
        // A period's supports with what they are counted and filtered by (index-only).
        builder.HasIndex(s => s.CreatedAt).IncludeProperties(s => new { s.SupporterId, s.TerritoryId, s.ThemeId });
        builder.HasIndex(s => new { s.TerritoryId, s.CreatedAt });
        builder.HasIndex(s => s.IdeaId);
    }
}
