using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.MunicipalityIdeas.Emails;

/// <summary>The day's new ideas for the municipality of a novads, to its staff.</summary>
public sealed record IdeaDigestEmail(string Novads, IReadOnlyList<DigestIdea> Ideas, string Link) : EmailModel;

/// <summary>One idea in the digest: its title, the place it is for and the staff page to answer it.</summary>
public sealed record DigestIdea(string Title, string Place, string Url);
