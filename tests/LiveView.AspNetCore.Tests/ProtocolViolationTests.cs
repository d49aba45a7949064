using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// Frames the WebSocket protocol forbids, written by hand. The server's WebSocket fails the connection: it queues a
/// close frame (1007 for text that is not UTF-8, 1002 for a protocol violation), then resets the TCP connection,
/// which in most runs loses that frame. The reason is logged at Debug; the page gets nothing; the server serves on.
/// </summary>
public sealed class ProtocolViolationTests : HostedTests
{
    private const int InvalidPayloadData = 1007;
    private const int ProtocolError = 1002;

    private static readonly byte[] Action = Encoding.UTF8.GetBytes("""{"action":"home->random_number"}""");

    private async Task<RawSocket> OpenAsync()
    {
        var socket = await RawSocket.ConnectAsync(Host.SocketUri());
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.Status);
        return socket;
    }

    /// <summary>The connection ends, reset, with at most a close frame of <paramref name="closeCode"/> before.</summary>
    private async Task ExpectConnectionFailedAsync(RawSocket socket, int closeCode, string reason)
    {
        var frame = await socket.ReceiveFrameAsync();
        if (frame is not null)
        {
            // The close frame made it out before the reset; nothing else may come.
            Assert.Equal((RawFrame.Close, closeCode), (frame.Opcode, frame.CloseCode));
            Assert.Null(await socket.ReceiveFrameAsync());
        }

        Assert.True(socket.WasReset, "the server resets the TCP connection");
        await WaitForLogAsync("LiveView socket closed.");
        var lost = Assert.Single(Host.Logs.Entries, e => e.Message.StartsWith("LiveView socket lost:"));
        Assert.Equal(LogLevel.Debug, lost.Level);
        Assert.Contains(reason, lost.Message);

        await using var next = await Host.ConnectAsync();
        await next.SendActionAsync("home->random_number");
        Assert.Equal("home->random_number", (await next.ReceiveAsync()).GetProperty("action").GetString());
    }

    private async Task WaitForLogAsync(string message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Host.Logs.Entries.Any(e => e.Message == message))
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task A_text_frame_that_is_not_UTF_8_fails_the_connection_with_1007()
    {
        static byte[] Frame(byte[] value) => [.. "{\"action\":\"home->random_number\",\"data\":{\"x\":\""u8, .. value, .. "\"}}"u8];
        await using var socket = await OpenAsync();
        await socket.SendFrameAsync(RawFrame.Text, Frame([0xC3, 0xA9])); // é: answered
        Assert.Equal(RawFrame.Text, (await socket.ReceiveFrameAsync())?.Opcode);

        await socket.SendFrameAsync(RawFrame.Text, Frame([0xED, 0xA0, 0x80])); // a lone surrogate as bytes: not UTF-8
        // .NET's message for this failure (WebSocketError.Faulted) does not name UTF-8.
        await ExpectConnectionFailedAsync(socket, InvalidPayloadData, "Aborted state");
    }

    [Fact]
    public async Task An_unmasked_client_frame_fails_the_connection_with_1002()
    {
        await using var socket = await OpenAsync();
        await socket.SendFrameAsync(RawFrame.Text, Action, masked: false);
        await ExpectConnectionFailedAsync(socket, ProtocolError, "unmasked frame");
    }

    [Theory]
    [InlineData(0x3, "unknown opcode")] // a reserved data opcode
    [InlineData(0xB, "unknown opcode")] // a reserved control opcode
    [InlineData(0x40 | RawFrame.Text, "compression is not enabled")] // RSV1 set, with no extension agreed
    public async Task A_reserved_opcode_or_bit_fails_the_connection_with_1002(int opcode, string reason)
    {
        await using var socket = await OpenAsync();
        await socket.SendFrameAsync(opcode, Action);
        await ExpectConnectionFailedAsync(socket, ProtocolError, reason);
    }
}
