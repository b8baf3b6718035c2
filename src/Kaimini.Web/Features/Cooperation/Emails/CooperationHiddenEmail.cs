using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Cooperation.Emails;

/// <summary>Tells a community's leaders that an organiser hid their post, and why.</summary>
public sealed record CooperationHiddenEmail(string PostTitle, string Community, string Reason) : EmailModel;
