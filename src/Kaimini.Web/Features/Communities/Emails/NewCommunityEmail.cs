using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Communities.Emails;

/// <summary>A community submitted to the directory, to the organisers.</summary>
public sealed record NewCommunityEmail(string Community, string Link) : EmailModel;
