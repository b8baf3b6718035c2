using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Ideas.Emails;

/// <summary>Confirm the address an idea was submitted with, to publish it.</summary>
public sealed record IdeaConfirmEmail(string Title, string Link) : EmailModel;
