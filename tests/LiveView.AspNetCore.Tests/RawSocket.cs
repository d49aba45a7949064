using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace LiveView.AspNetCore.Tests;

/// <summary>One WebSocket frame as it travels: its opcode and its (unmasked) payload.</summary>
public sealed record RawFrame(int Opcode, byte[] Payload)
{
    public const int Text = 0x1;
    public const int Close = 0x8;

    /// <summary>The status code of a close frame, when it has one.</summary>
    public int? CloseCode => Opcode == Close && Payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(Payload) : null;
}

/// <summary>
/// A WebSocket client written by hand over TCP (RFC 6455), to send what a well-behaved client never would: header
/// values a client library refuses, unmasked frames, reserved opcodes, text that is not UTF-8.
/// </summary>
public sealed class RawSocket : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient tcp;
    private readonly NetworkStream stream;

    private RawSocket(TcpClient tcp, HttpStatusCode status)
    {
        this.tcp = tcp;
        stream = tcp.GetStream();
        Status = status;
    }

    /// <summary>The status of the handshake's response (101 when the socket is open).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Whether the server reset the TCP connection (rather than closing it), once it has ended.</summary>
    public bool WasReset { get; private set; }

    /// <summary>Sends a handshake for <paramref name="socketUri"/> with <paramref name="origin"/> written byte for byte.</summary>
    public static async Task<RawSocket> ConnectAsync(Uri socketUri, byte[]? origin = null)
    {
        var tcp = new TcpClient(socketUri.HostNameType == UriHostNameType.IPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
        await tcp.ConnectAsync(socketUri.IdnHost, socketUri.Port);
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes(
            $"GET {socketUri.PathAndQuery} HTTP/1.1\r\nHost: {socketUri.Authority}\r\nUpgrade: websocket\r\n" +
            $"Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: {Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))}\r\n"));
        if (origin is not null)
        {
            request.Write("Origin: "u8);
            request.Write(origin);
            request.Write("\r\n"u8);
        }

        request.Write("\r\n"u8);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request.ToArray());
        return new RawSocket(tcp, await ReadStatusAsync(stream));
    }

    /// <summary>Reads the response's head, byte by byte so that no frame after it is consumed.</summary>
    private static async Task<HttpStatusCode> ReadStatusAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var head = new List<byte>();
        var one = new byte[1];
        while (!head.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            await stream.ReadExactlyAsync(one, timeout.Token);
            head.Add(one[0]);
        }

        // "HTTP/1.1 101 Switching Protocols"
        return (HttpStatusCode)int.Parse(Encoding.ASCII.GetString([.. head]).Split(' ')[1]);
    }

    /// <summary>
    /// Sends one final frame with <paramref name="opcode"/> (with the reserved bits, if set: 0x40 is RSV1), masked
    /// as a client must unless <paramref name="masked"/> is false.
    /// </summary>
    public async Task SendFrameAsync(int opcode, byte[] payload, bool masked = true)
    {
        var frame = new MemoryStream();
        frame.WriteByte((byte)(0x80 | opcode));
        var maskBit = masked ? 0x80 : 0;
        if (payload.Length < 126)
        {
            frame.WriteByte((byte)(maskBit | payload.Length));
        }
        else
        {
            frame.WriteByte((byte)(maskBit | 126));
            frame.Write([(byte)(payload.Length >> 8), (byte)payload.Length]);
        }

        var body = payload.ToArray();
        if (masked)
        {
            var mask = RandomNumberGenerator.GetBytes(4);
            frame.Write(mask);
            for (var i = 0; i < body.Length; i++)
            {
                body[i] ^= mask[i % 4];
            }
        }

        frame.Write(body);
        using var timeout = new CancellationTokenSource(Timeout);
        await stream.WriteAsync(frame.ToArray(), timeout.Token);
    }

    /// <summary>The server's next frame, or null when it ended the connection (see <see cref="WasReset"/>).</summary>
    public async Task<RawFrame?> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            var head = new byte[2];
            await stream.ReadExactlyAsync(head, timeout.Token);
            long length = head[1] & 0x7F;
            if (length >= 126)
            {
                var extended = new byte[length == 126 ? 2 : 8];
                await stream.ReadExactlyAsync(extended, timeout.Token);
                length = extended.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(extended) : BinaryPrimitives.ReadInt64BigEndian(extended);
            }

            var payload = new byte[length];
            await stream.ReadExactlyAsync(payload, timeout.Token);
            return new RawFrame(head[0] & 0x0F, payload);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            WasReset = ex is IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } };
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
