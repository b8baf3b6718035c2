using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Absolute links for e-mails, built from the configured public base URL.</summary>
public class PublicUrls(IOptions<PublicUrlOptions> options, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = options.Value.PublicBaseUrl;
        string baseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            baseUrl = configured;
        }
        else
        {
            var request = http.HttpContext?.Request
                ?? throw new InvalidOperationException("App:PublicBaseUrl is required outside a request.");
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return baseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
    }
}
