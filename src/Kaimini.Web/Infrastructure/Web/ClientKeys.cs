using System.Net;
using System.Net.Sockets;
using System.Security.Claims;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Who a request counts against: its client address and the person behind it.</summary>
public static class ClientKeys
{
    /// <summary>The client address; an IPv6 client by its /64, since one household or phone gets a
    /// whole /64 and can pick any address in it.</summary>
    public static string Address(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The signed-in account, otherwise the e-mail address typed into the form (any field
    /// named …Email); null when there is neither.</summary>
    public static string? Person(HttpContext http)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            return "account:" + userId;
        }

        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        foreach (var (name, value) in http.Request.Form)
        {
            if (name.EndsWith("email", StringComparison.OrdinalIgnoreCase) && value.ToString() is { } email && email.Contains('@'))
            {
                return "email:" + email.Trim().ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>The form by its route pattern (<c>account/login</c>), however the path was typed.</summary>
    public static string Endpoint(HttpContext http) =>
        (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.Trim('/').ToLowerInvariant()
        ?? http.GetEndpoint()?.DisplayName
        ?? "unknown";
}
