using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Infrastructure.Feeds;

/// <summary>Builds the portal's Atom feeds from the registered <see cref="IFeedSource"/>s with
/// <c>System.ServiceModel.Syndication</c>: the newest entries of every source (or of the ones asked
/// for) in the scope, merged newest first, every link absolute.</summary>
public sealed class AtomFeeds(IEnumerable<IFeedSource> sources, PublicUrls urls, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const string ContentType = "application/atom+xml";

    /// <summary>How many entries a feed carries.</summary>
    public const int Size = 30;

    /// <summary>The feed at <paramref name="selfPath"/>, about the page at <paramref name="pagePath"/>;
    /// <paramref name="only"/> keeps the sources with those keys (none: all of them).</summary>
    public async Task<SyndicationFeed> BuildAsync(string title, string selfPath, string pagePath, FeedScope scope, CancellationToken ct,
        params string[] only)
    {
        var entries = new List<FeedEntry>();
        foreach (var source in sources.Where(s => only.Length == 0 || only.Contains(s.Key)))
        {
            entries.AddRange(await source.EntriesAsync(scope, Size, ct));
        }

        var newest = entries.OrderByDescending(e => e.Published).ThenBy(e => e.Path, StringComparer.Ordinal).Take(Size).ToList();
        var self = urls.Absolute(selfPath);
        var feed = new SyndicationFeed(title, (string?)null, new Uri(urls.Absolute(pagePath)), self,
            newest.Count > 0 ? newest.Max(e => e.Updated) : clock.GetUtcNow())
        {
            Language = Cultures.Current,
            Items = newest.Select(Item).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(self), "self", title, ContentType, 0));
        // Atom wants an author for every entry: the portal's, where an entry names none of its own.
        feed.Authors.Add(new SyndicationPerson { Name = t["Site.Name"] });
        return feed;
    }

    /// <summary>The feed as a response with the Atom content type.</summary>
    public static IActionResult Result(SyndicationFeed feed)
    {
        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            feed.GetAtom10Formatter().WriteTo(writer);
        }

        return new FileContentResult(buffer.ToArray(), ContentType + "; charset=utf-8");
    }

    private SyndicationItem Item(FeedEntry entry)
    {
        var link = urls.Absolute(entry.Path);
        var item = new SyndicationItem(entry.Title, (SyndicationContent?)null, new Uri(link), link, entry.Updated) { PublishDate = entry.Published };
        if (entry.Html is not null)
        {
            using var html = new StringWriter();
            entry.Html.WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
            item.Content = SyndicationContent.CreateHtmlContent(html.ToString());
        }

        if (entry.Summary is not null)
        {
            item.Summary = new TextSyndicationContent(entry.Summary);
        }

        if (entry.Author is not null)
        {
            item.Authors.Add(new SyndicationPerson { Name = entry.Author });
        }

        item.Categories.Add(new SyndicationCategory(entry.Category));
        return item;
    }
}
