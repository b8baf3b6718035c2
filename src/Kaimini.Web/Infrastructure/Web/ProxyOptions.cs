using System.Net;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>The reverse proxy in front of the portal. <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the addresses listed here: a header from anyone
/// else would let a client choose its own address and sidestep the rate limits.</summary>
public class ProxyOptions
{
    public const string Section = "App";

    public bool BehindProxy { get; set; }

    /// <summary>The proxies' addresses, separated by ';' or ',' (<c>10.0.0.5;10.0.0.6</c>).</summary>
    public string? KnownProxies { get; set; }

    /// <summary>The proxies' networks in CIDR notation (<c>172.28.0.0/16</c>).</summary>
    public string? KnownNetworks { get; set; }

    public IReadOnlyList<IPAddress> Proxies => Split(KnownProxies).Select(IPAddress.Parse).ToList();

    public IReadOnlyList<System.Net.IPNetwork> Networks => Split(KnownNetworks).Select(n => System.Net.IPNetwork.Parse(n)).ToList();

    public bool IsValid(out string? error)
    {
        error = null;
        if (Split(KnownProxies).Any(p => !IPAddress.TryParse(p, out _)))
        {
            error = "App:KnownProxies must list IP addresses separated by ';'.";
        }
        else if (Split(KnownNetworks).Any(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            error = "App:KnownNetworks must list networks in CIDR notation (172.28.0.0/16) separated by ';'.";
        }
        else if (BehindProxy && Split(KnownProxies).Count == 0 && Split(KnownNetworks).Count == 0)
        {
            error = "App:BehindProxy=true needs the proxy's address in App:KnownProxies or App:KnownNetworks; "
                + "otherwise anyone could set X-Forwarded-For.";
        }

        return error is null;
    }

    private static List<string> Split(string? value) =>
        (value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>Start-up fails with the exact reason when the proxy settings are wrong.</summary>
public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
        options.IsValid(out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error!);
}
