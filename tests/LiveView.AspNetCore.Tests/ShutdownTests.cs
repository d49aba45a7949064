using System.Net.WebSockets;

namespace LiveView.AspNetCore.Tests;

/// <summary>A stopping server says goodbye so that clients reconnect to the next one.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_server_closes_open_sockets_with_1001()
    {
        var host = await TestHost.StartAsync();
        await using var socket = await host.ConnectAsync();
        await socket.SendActionAsync("home->random_number");
        await socket.ReceiveAsync();

        var stopping = host.DisposeAsync();
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await socket.ReceiveCloseAsync());
        await stopping;
    }
}
