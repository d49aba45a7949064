using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LiveView.AspNetCore;

/// <summary>
/// Decides whether a browser page may open a socket (protection against cross-site WebSocket hijacking).
/// Same host by default; <see cref="LiveViewOptions.AllowedOrigins"/> widens it.
/// </summary>
internal sealed class OriginPolicy(IOptions<LiveViewOptions> options)
{
    private readonly HashSet<string> allowed = new(
        options.Value.AllowedOrigins.Select(origin => origin.TrimEnd('/')),
        StringComparer.OrdinalIgnoreCase);

    public bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            // Browsers always send Origin on a WebSocket handshake; other clients cannot be hijacked through one.
            return true;
        }

        if (allowed.Contains("*") || allowed.Contains(origin))
        {
            return true;
        }

        return allowed.Count == 0 && IsSameHost(origin, request);
    }

    private static bool IsSameHost(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !request.Host.HasValue
            || !Uri.TryCreate($"http://{request.Host.ToUriComponent()}/", UriKind.Absolute, out var own))
        {
            return false;
        }

        // Both hosts in the one form Uri gives them, however they were written: an IPv6 address without brackets and
        // in its shortest form ([0:0::1] is ::1), a name in ASCII (punycode) and lower case.
        // A proxy that ends TLS may change the scheme and drop the port: compare the host, and the port when known.
        var port = request.Host.Port ?? uri.Port;
        return string.Equals(uri.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase) && port == uri.Port;
    }
}
