using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Account.Emails;

/// <summary>Sent instead of a second account for a registered address.</summary>
public sealed record AccountExistsEmail(string Link) : EmailModel;
