using System;
using System.Net;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Whether a secret (the bearer token, an OAuth2 client secret) sent to a URL would cross the network in clear
/// text: plain <c>http://</c> to any host but this machine. Loopback stays allowed: <c>localhost</c>, 127.0.0.0/8 and
/// <c>::1</c> (also written as the IPv4-mapped <c>::ffff:127.x.y.z</c>).
/// </summary>
internal static class PlainHttp
{
    public static bool Exposes(Uri url) => string.Equals(url.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && !IsLoopback(url);

    public static bool IsLoopback(Uri url)
    {
        var host = url.DnsSafeHost.TrimEnd('.');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address)
            && (IPAddress.IsLoopback(address) || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4())));
    }

    /// <summary>The refusal for <paramref name="what"/> sent to <paramref name="url"/>, naming the opt-out.</summary>
    public static InvalidOperationException Refusal(string what, Uri url, string optOut)
        => new($"Refusing to send {what} over plain http to {url.Host}: it would cross the network in clear text. Use an https:// URL, or, only on a network you trust, set {optOut} = true.");
}
