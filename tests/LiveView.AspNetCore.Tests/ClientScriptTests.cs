using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace LiveView.AspNetCore.Tests;

/// <summary>The browser client is served from the assembly at a fixed URL, cacheable.</summary>
public sealed partial class ClientScriptTests : HostedTests
{

    [GeneratedRegex("/_liveview/liveview.js\\?v=([0-9a-f]{16})")]
    private static partial Regex VersionedUrl();

    [Fact]
    public async Task The_versioned_URL_is_cacheable_for_a_year()
    {
        using var http = Host.Http();
        var page = await http.GetStringAsync("/");
        var url = VersionedUrl().Match(page).Value;
        var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.Contains("window.LiveView", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_plain_URL_revalidates_with_its_ETag()
    {
        using var http = Host.Http();
        var response = await http.GetAsync(LiveView.Protocol.ClientScriptPath);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var etag = response.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, LiveView.Protocol.ClientScriptPath);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        var revalidated = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public void The_served_script_is_the_source_without_its_comments_and_indentation()
    {
        const string source = """
            /**
             * The header.
             */
            (() => {
              // a comment line
              const a = "http://x"; // kept: not a whole line
              /* a block */
              const b = `${a}
                two`;
            })();
            """;
        Assert.Equal(
            "(() => {\n  const a = \"http://x\"; // kept: not a whole line\n  const b = `${a}\n    two`;\n})();\n",
            ScriptText.Served(source));
        Assert.Equal("a();\nb();\n", ScriptText.Served("  a();\n  /* x\n   y */\n\n    b();"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_script_is_sent_compressed_when_the_browser_accepts_it(string encoding)
    {
        using var http = Host.Http();
        var plain = await http.GetByteArrayAsync(LiveView.Protocol.ClientScriptPath);

        using var request = new HttpRequestMessage(HttpMethod.Get, LiveView.Protocol.ClientScriptPath);
        request.Headers.AcceptEncoding.ParseAdd($"{encoding}, deflate");
        var response = await http.SendAsync(request);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);

        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length / 2, $"{compressed.Length} of {plain.Length} bytes");
        using var input = new MemoryStream(compressed);
        using Stream decompressing = encoding == "br"
            ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        await decompressing.CopyToAsync(output);
        Assert.Equal(plain, output.ToArray());
    }
}
