using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.AdminCommunities.Emails;

/// <summary>A community approved for the directory, to its leaders.</summary>
public sealed record CommunityApprovedEmail(string Community, string Link) : EmailModel;
