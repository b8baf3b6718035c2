using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Web.Features.Digest.Emails;

/// <summary>A person's weekly digest: what was announced in what they follow, and the answers to
/// ideas they submitted or supported. Empty sections are left out.</summary>
public sealed record WeeklyDigestEmail(
    DigestSection<DigestEventLine> Events,
    DigestSection<DigestNewsLine> News,
    DigestSection<DigestPostLine> Posts,
    DigestSection<DigestAnswerLine> Answers,
    string FollowingUrl,
    string ProfileUrl) : EmailModel
{
    public int Total => Events.Total + News.Total + Posts.Total + Answers.Total;
}

/// <summary>A section's first lines, how many there are in all, and the list that has the rest.</summary>
public sealed record DigestSection<T>(IReadOnlyList<T> Lines, int Total, string ListUrl)
{
    public int More => Total - Lines.Count;
}

public static class DigestSection
{
    public static DigestSection<T> Of<T>(IReadOnlyList<T> all, int limit, string listUrl) => new(all.Take(limit).ToList(), all.Count, listUrl);
}

public sealed record DigestEventLine(LocalText Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, string Url);

public sealed record DigestNewsLine(string Title, string Community, string Url);

public sealed record DigestPostLine(string Title, CooperationDirection Direction, CooperationKind Kind, string Community, bool Matched, string Url);

public sealed record DigestAnswerLine(string Title, IdeaResponse Response, string Url);
