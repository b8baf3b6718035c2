using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaimini.Web.Data.Configurations;

public class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        builder.ToTable("news_items");
        builder.Property(n => n.Title).HasMaxLength(NewsItem.TitleLength);
        builder.Property(n => n.Body).HasMaxLength(NewsItem.BodyLength);
        builder.Property(n => n.Link).HasMaxLength(NewsItem.LinkLength);
        // The network's list, newest first (the territory and theme filters narrow the communities
        // on their own indexed columns, then read each one's news through the next index).
        builder.HasIndex(n => new { n.PublishedAt, n.Id });
        // A community's news, newest first (its page, its list, its feed).
        builder.HasIndex(n => new { n.CommunityId, n.PublishedAt });
        builder.HasOne(n => n.Community).WithMany().HasForeignKey(n => n.CommunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
