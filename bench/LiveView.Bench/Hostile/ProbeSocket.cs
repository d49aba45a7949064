using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using LiveView.Bench.Load;

namespace LiveView.Bench.Hostile;

/// <summary>A client WebSocket that knows its local port, so that its TCP connection can be watched with <c>ss</c>.</summary>
public sealed class ProbeSocket : IDisposable
{
    private readonly HttpMessageInvoker invoker;

    private ProbeSocket(ClientWebSocket socket, HttpMessageInvoker invoker, int localPort)
    {
        Socket = socket;
        this.invoker = invoker;
        LocalPort = localPort;
    }

    public ClientWebSocket Socket { get; }

    // The last message read, in a buffer that grows to the largest message (one reader per socket).
    private readonly MessageBuffer message = new(64 * 1024);

    /// <summary>The client's end of the TCP connection.</summary>
    public int LocalPort { get; }

    /// <summary>Opens a WebSocket to <paramref name="uri"/> (no client pings: the probe's sockets send only what it says).</summary>
    public static async Task<ProbeSocket> ConnectAsync(Uri uri, CancellationToken cancel)
    {
        var localPort = 0;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    localPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var invoker = new HttpMessageInvoker(handler);
        var ws = new ClientWebSocket();
        ws.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await ws.ConnectAsync(uri, invoker, cancel);
        }
        catch
        {
            ws.Dispose();
            invoker.Dispose();
            throw;
        }

        return new ProbeSocket(ws, invoker, localPort);
    }

    /// <summary>Cuts the connection at once, without a closing handshake (as when a browser tab is killed).</summary>
    public void Abort() => Socket.Abort();

    /// <summary>
    /// Reads one whole message; its bytes are valid until the next call. A close frame comes back as
    /// <see cref="WebSocketMessageType.Close"/> with no bytes.
    /// </summary>
    public Task<(WebSocketMessageType Type, ReadOnlyMemory<byte> Payload)> ReceiveMessageAsync() => message.ReceiveAsync(Socket);

    public void Dispose()
    {
        Socket.Dispose();
        invoker.Dispose();
    }
}
