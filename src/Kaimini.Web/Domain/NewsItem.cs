namespace Kaimini.Web.Domain;

/// <summary>A short piece of news a community's leaders publish: a title, Markdown text (rendered
/// through the sanitiser) and an optional http(s) link. It belongs to the community, not to the
/// leader who wrote it, so any of its leaders may correct or remove it; it is public while the
/// community is.</summary>
public class NewsItem
{
    public const int TitleLength = 200;
    public const int BodyLength = 10_000;
    public const int LinkLength = 500;

    public int Id { get; private set; }
    public int CommunityId { get; private set; }
    public Community? Community { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Markdown.</summary>
    public string Body { get; private set; } = "";

    /// <summary>An absolute http or https address, normalised (<see cref="Formats.NormalizeUrl"/>).</summary>
    public string? Link { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>For EF Core and the seeders.</summary>
    private NewsItem()
    {
    }

    public static NewsItem Publish(int communityId, string title, string body, string? link, DateTimeOffset now)
    {
        var item = new NewsItem { CommunityId = communityId, PublishedAt = now };
        item.Edit(title, body, link, now);
        return item;
    }

    /// <summary>The link as stored, or null when there is none or it is not an http(s) address
    /// (<see cref="IsAcceptableLink"/> says which). An address with a user name in it
    /// (<c>https://bank.lv@example.com</c>) is refused: it hides where it leads.</summary>
    public static string? NormalizeLink(string? link) =>
        Formats.NormalizeUrl(link) is { } url && new Uri(url).UserInfo.Length == 0 ? url : null;

    /// <summary>No link, or one that is an absolute http or https address of a length that fits.</summary>
    public static bool IsAcceptableLink(string? link) =>
        string.IsNullOrWhiteSpace(link) || NormalizeLink(link) is { Length: <= LinkLength };

    /// <summary>Changes the text; the publication time stays.</summary>
    public void Edit(string title, string body, string? link, DateTimeOffset now)
    {
        title = title.Trim();
        body = body.Trim();
        if (title.Length is 0 or > TitleLength)
        {
            throw new ArgumentException($"A news title has 1 to {TitleLength} characters.", nameof(title));
        }

        if (body.Length is 0 or > BodyLength)
        {
            throw new ArgumentException($"A news text has 1 to {BodyLength} characters.", nameof(body));
        }

        if (!IsAcceptableLink(link))
        {
            throw new ArgumentException("A news link is an http or https address.", nameof(link));
        }

        Title = title;
        Body = body;
        Link = NormalizeLink(link);
        UpdatedAt = now;
    }
}
