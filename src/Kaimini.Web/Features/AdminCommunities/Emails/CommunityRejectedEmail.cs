using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.AdminCommunities.Emails;

/// <summary>A community not approved, with the reason, to its leaders.</summary>
public sealed record CommunityRejectedEmail(string Community, string Reason, string Link) : EmailModel;
