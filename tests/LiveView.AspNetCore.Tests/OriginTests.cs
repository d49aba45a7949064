using System.Net;

namespace LiveView.AspNetCore.Tests;

/// <summary>Cross-site WebSocket hijacking: a page from another origin cannot open a socket.</summary>
public sealed class OriginTests
{
    [Fact]
    public async Task A_socket_from_another_origin_is_refused_and_the_same_host_is_accepted()
    {
        await using var host = await TestHost.StartAsync();
        Assert.Equal(HttpStatusCode.Forbidden, await host.HandshakeStatusAsync("http://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await host.HandshakeStatusAsync($"http://{host.Address.Host}:1"));
        Assert.Equal(HttpStatusCode.Forbidden, await host.HandshakeStatusAsync("null"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await host.HandshakeStatusAsync($"http://{host.Address.Authority}"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await host.HandshakeStatusAsync(null));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("evil.example"));
    }

    [Fact]
    public async Task On_an_IPv6_literal_the_same_origin_is_accepted_and_another_address_refused()
    {
        await using var host = await TestHost.StartAsync(url: "http://[::1]:0");
        var port = host.Address.Port;
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await host.HandshakeStatusAsync($"http://[::1]:{port}"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await host.HandshakeStatusAsync($"http://[0:0:0:0:0:0:0:1]:{port}"));
        Assert.Equal(HttpStatusCode.Forbidden, await host.HandshakeStatusAsync($"http://[::2]:{port}"));
        Assert.Equal(HttpStatusCode.Forbidden, await host.HandshakeStatusAsync($"http://[::1]:{port + 1}"));
        Assert.Equal(HttpStatusCode.Forbidden, await host.HandshakeStatusAsync($"http://localhost:{port}"));
    }

    [Fact]
    public async Task A_refused_origin_is_logged_with_its_control_characters_escaped()
    {
        await using var host = await TestHost.StartAsync();
        // Kestrel lets control characters other than CR, LF and NUL through in a header: here a terminal escape.
        await using var socket = await RawSocket.ConnectAsync(host.SocketUri(), "http://evil\u001b[2J.example"u8.ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, socket.Status);

        var logged = Assert.Single(host.Logs.Entries, e => e.Message.Contains("evil"));
        Assert.Contains(@"'http://evil\u001b[2J.example'", logged.Message);
        Assert.DoesNotContain(logged.Message, char.IsControl);
    }

    [Fact]
    public async Task Configured_origins_are_accepted_and_others_refused()
    {
        await using var host = await TestHost.StartAsync(options => options.AllowedOrigins.Add("https://app.example/"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await host.HandshakeStatusAsync("https://app.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await host.HandshakeStatusAsync("https://other.example"));
    }

    [Fact]
    public async Task A_wildcard_accepts_any_origin()
    {
        await using var host = await TestHost.StartAsync(options => options.AllowedOrigins.Add("*"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await host.HandshakeStatusAsync("https://anywhere.example"));
    }
}
