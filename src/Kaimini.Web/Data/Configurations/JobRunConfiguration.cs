using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.HasKey(r => new { r.Job, r.Day });
        builder.Property(r => r.Job).HasMaxLength(40);
        builder.Property(r => r.Summary).HasMaxLength(1000);
    }
}
