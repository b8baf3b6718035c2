using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Account.Emails;

/// <summary>Confirm the address of a new account.</summary>
public sealed record ConfirmAddressEmail(string Link) : EmailModel;
