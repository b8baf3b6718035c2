using Microsoft.AspNetCore.Html;

namespace Kaimini.Web.Infrastructure.Feeds;

/// <summary>One entry of an Atom feed, whatever its source: <paramref name="Path"/> is the page's
/// path (made absolute, it is also the entry's id), <paramref name="Html"/> its sanitised content,
/// <paramref name="Category"/> the source's key.</summary>
public sealed record FeedEntry(string Path, string Title, IHtmlContent? Html, string? Summary, DateTimeOffset Published, DateTimeOffset Updated,
    string? Author, string Category);
