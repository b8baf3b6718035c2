using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Ideas;

/// <summary>Small texts that several idea views share.</summary>
public static class IdeaText
{
    /// <summary>The marker left in place of the name of an author who deleted their account.</summary>
    public const string DeletedAuthor = "—";

    public static string Author(IStringLocalizer t, string name) => name == DeletedAuthor ? t["Ideas.DeletedAuthor"] : name;
}
