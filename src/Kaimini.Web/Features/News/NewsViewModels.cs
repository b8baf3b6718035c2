using Kaimini.Web.Data;
using Kaimini.Web.Features.Shared;
using Microsoft.AspNetCore.Html;

namespace Kaimini.Web.Features.News;

public sealed record NewsCard(int Id, string Title, DateTimeOffset PublishedAt, string CommunitySlug, string CommunityName, string Place);

public sealed record NewsListViewModel(NewsFilter Filter, ReferenceData Reference, PagedList<NewsCard> News, string? CommunityName, int? ThemeId);

public sealed record NewsPageViewModel(int Id, string Title, IHtmlContent Body, string? Link, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt,
    string CommunitySlug, string CommunityName, string Place, bool CanEdit);

public sealed record NewsFormViewModel(NewsForm Form, string CommunitySlug, string CommunityName, int? Id)
{
    public bool IsNew => Id is null;
}

/// <summary>A community's latest news on its page.</summary>
public sealed record CommunityNewsViewModel(string CommunitySlug, IReadOnlyList<NewsCard> Latest, bool CanWrite);
