using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Absolute links for e-mails, built from the configured public base URL. The request's
/// Host header is never used: anyone can send one, and a password-reset link built from it would
/// carry the victim's token to the sender's server.</summary>
public class PublicUrls(IOptions<PublicUrlOptions> options, IServer server)
{
    public string Absolute(string pathAndQuery) => BaseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');

    private string BaseUrl
    {
        get
        {
            var configured = options.Value.PublicBaseUrl;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            // Development only (start-up validation requires the setting elsewhere): the address
            // the server itself listens on.
            return server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("App:PublicBaseUrl is not set and the server has no address.");
        }
    }
}
