using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Ideas;

/// <summary>Small texts that several idea views share.</summary>
public static class IdeaText
{
    /// <summary>The marker left in place of the name of an author who deleted their account.</summary>
    public const string DeletedAuthor = DeletedPerson.Name;

    /// <summary>The name of a paper idea's author when the organiser typed none (<see cref="Idea.UnnamedForumParticipant"/>).</summary>
    public const string ForumParticipant = Idea.UnnamedForumParticipant;

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

    /// <summary>The municipality of a novads by its official name: every novads is named "X novads"
    /// with X in the genitive, so its institution is "X novada pašvaldība" (Mārupes, Olaines,
    /// Ķekavas novada pašvaldība). A proper name, the same in both languages.</summary>
    public static string? Municipality(string novadsName) =>
        novadsName.EndsWith(" novads", StringComparison.Ordinal) ? novadsName[..^"novads".Length] + "novada pašvaldība" : null;

    /// <summary>The municipality answering for an idea's territory (its novads).</summary>
    public static string? Municipality(ReferenceData reference, int territoryId) =>
        reference.NovadsOf(territoryId) is { } novads ? Municipality(novads.Name) : null;

    /// <summary>How an answer is signed: the municipality, and the employee's name only when they
    /// chose to show it. Answers without an institution (a territory outside the novadi) keep the name.</summary>
    public static string? AnswerSignature(string? municipality, IdeaHistoryItem answer) =>
        municipality is null ? answer.ActorName
            : answer.ActorNameHidden || string.IsNullOrEmpty(answer.ActorName) ? municipality
            : $"{municipality}, {answer.ActorName}";

    /// <summary>The municipality's name is Latvian in either interface: in English it is marked
    /// <c>lang="lv"</c> for screen readers; null (no attribute) in Latvian.</summary>
    public static string? LatvianNameLang() => Cultures.Current == Cultures.English ? Cultures.Latvian : null;
}
