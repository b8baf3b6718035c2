using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Ideas.Emails;

/// <summary>An idea hidden by the moderators, with the reason, to its author.</summary>
public sealed record IdeaHiddenEmail(string Title, string Reason) : EmailModel;
