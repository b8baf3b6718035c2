using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Communities.Emails;

/// <summary>A resident's message relayed to a community (the caller sets Reply-To to the resident).</summary>
public sealed record CommunityContactEmail(string Community, string SenderName, string SenderEmail, string Message) : EmailModel;
