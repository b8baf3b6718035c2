using Kaimini.Web.Domain;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Ideas;

/// <summary>Small texts that several idea views share.</summary>
public static class IdeaText
{
    /// <summary>The marker left in place of the name of an author who deleted their account.</summary>
    public const string DeletedAuthor = "—";

    /// <summary>The name of a paper idea's author when the organiser typed none: shown as "forum
    /// participant" in the reader's language.</summary>
    public const string ForumParticipant = "";

    /// <summary>The municipality's answers in the order of an idea's way: looked at, accepted or
    /// planned, being done, done; or handed on, or declined.</summary>
    public static readonly IReadOnlyList<IdeaResponse> Answers =
    [
        IdeaResponse.UnderReview, IdeaResponse.Accepted, IdeaResponse.InPlan,
        IdeaResponse.InProgress, IdeaResponse.Done, IdeaResponse.Forwarded,
        IdeaResponse.Declined,
    ];

    public static string Author(IStringLocalizer t, string name) => name switch
    {
        DeletedAuthor => t["Ideas.DeletedAuthor"],
        ForumParticipant => t["Ideas.ForumParticipant"],
        _ => name,
    };

    /// <summary>Who carried an idea out, as running text: "pašvaldība", "kopiena „…”", "iedzīvotāji".</summary>
    public static string Implementer(IStringLocalizer t, IdeaImplementer by, string? communityName) =>
        by == IdeaImplementer.Community && communityName is not null
            ? t["Ideas.ImplementedByCommunity", communityName]
            : t[$"IdeaImplementer.{by}"];
}
