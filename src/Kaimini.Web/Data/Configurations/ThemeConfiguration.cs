using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(60);
        builder.Property(t => t.NameLv).HasMaxLength(120);
        builder.Property(t => t.NameEn).HasMaxLength(120);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
