using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Account.Emails;

/// <summary>A link to set a new password.</summary>
public sealed record PasswordResetEmail(string Link) : EmailModel;
