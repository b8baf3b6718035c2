using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Ideas.Emails;

/// <summary>The municipality's answer to an idea, to its author (<paramref name="ToAuthor"/>) or a supporter.</summary>
public sealed record IdeaAnswerEmail(string Title, IdeaResponse Response, string? Reply, bool ToAuthor, string Link) : EmailModel;
