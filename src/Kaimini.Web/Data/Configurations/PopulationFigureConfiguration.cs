using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> builder)
    {
        builder.HasKey(p => new { p.TerritoryId, p.Year });
        builder.Property(p => p.Source).HasMaxLength(200);
        builder.Ignore(p => p.Illustrative);
        builder.ToTable(t => t.HasCheckConstraint("ck_population_figures_population_positive", "population > 0"));
        // The reports pick the latest year with a figure for every unit in scope; the page lists years.
        builder.HasIndex(p => p.Year);
        builder.HasOne<Territory>().WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.ImportedById).OnDelete(DeleteBehavior.SetNull);
    }
}
