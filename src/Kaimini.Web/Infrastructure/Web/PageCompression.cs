using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>HTML (and the other text the portal writes) compressed with Brotli or gzip, at the
/// fastest level: a page is compressed on every request, also when it comes from the output cache.
/// Static files are not compressed here: <c>MapStaticAssets</c> serves the copies compressed at build.
/// BREACH (guessing a secret in a compressed HTTPS page from its length, with input the attacker puts
/// on the same page) is why responses to signed-in people are sent uncompressed: theirs are the pages
/// with personal data beside reflected input (a search over registrations). Anonymous pages hold no
/// secret but the antiforgery token, which is encrypted afresh for every response, so its bytes never
/// repeat; the session cookies are SameSite=Lax, so another site cannot make the browser send many
/// signed-in requests in the background either.</summary>
public static class PageCompression
{
    public static IServiceCollection AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, AnonymousOnlyCompressionProvider>();
        return services;
    }

    /// <summary>The framework's choice (MIME type, Accept-Encoding), asked only for anonymous visitors.
    /// It is asked when the response starts, after authentication has set the user.</summary>
    private sealed class AnonymousOnlyCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            context.User.Identity?.IsAuthenticated != true && base.ShouldCompressResponse(context);
    }
}
