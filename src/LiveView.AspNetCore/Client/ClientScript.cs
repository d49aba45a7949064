using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LiveView.AspNetCore;

/// <summary>
/// Serves the browser client, embedded in this assembly, at <c>/_liveview/liveview.js</c>. Pages link it with a
/// version query (<c>?v=hash</c>) that makes it cacheable for a year; any other request revalidates by ETag.
/// </summary>
internal sealed class ClientScript
{
    private const string ResourceName = "LiveView.Client.liveview.js";

    public ClientScript()
    {
        using var stream = typeof(ClientScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Content = System.Text.Encoding.UTF8.GetBytes(ScriptText.Served(System.Text.Encoding.UTF8.GetString(copy.ToArray())));
        Brotli = Compress(Content, stream => new BrotliStream(stream, CompressionLevel.SmallestSize));
        Gzip = Compress(Content, stream => new GZipStream(stream, CompressionLevel.SmallestSize));
        Version = Convert.ToHexStringLower(SHA256.HashData(Content))[..16];
        ETag = $"\"{Version}\"";
    }

    /// <summary>The script compressed with Brotli, once, at startup.</summary>
    public byte[] Brotli { get; }

    /// <summary>The script compressed with gzip, once, at startup.</summary>
    public byte[] Gzip { get; }

    /// <summary>The script's bytes as served (UTF-8): its source without comments and indentation.</summary>
    public byte[] Content { get; }

    /// <summary>A hash of the content, used as the cache-busting query and the ETag.</summary>
    public string Version { get; }

    private string ETag { get; }

    /// <summary>The URL pages should link: the fixed path plus the version.</summary>
    public string Url => $"{LiveView.Protocol.ClientScriptPath}?v={Version}";

    public async Task HandleAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ETag = ETag;
        headers.CacheControl = http.Request.Query["v"] == Version
            ? "public, max-age=31536000, immutable"
            : "no-cache";

        if (http.Request.Headers.IfNoneMatch == ETag)
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        headers.Vary = HeaderNames.AcceptEncoding;
        var accepted = http.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accepted.Contains("br", StringComparison.OrdinalIgnoreCase) ? (Brotli, "br")
            : accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (Gzip, "gzip")
            : (Content, null);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        http.Response.ContentType = "text/javascript; charset=utf-8";
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(body);
        }
    }

    private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            compressing.Write(content);
        }

        return output.ToArray();
    }
}
