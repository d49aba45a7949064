using System.Buffers.Text;
using System.Security.Cryptography;

namespace LiveView.AspNetCore;

/// <summary>Connection ids: 16 random URL-safe characters, unguessable (a page may show its own).</summary>
internal static class ConnectionId
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
}
