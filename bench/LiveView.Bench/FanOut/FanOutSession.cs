using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using LiveView.Bench.Load;
using LiveView.Bench.Servers;

namespace LiveView.Bench.FanOut;

/// <summary>
/// N raw WebSockets joined to a broadcast's audience on one server or on the nodes of a cluster (split evenly between
/// them), each with a reader that notes when a broadcast's stamp reaches it; broadcasts are triggered over HTTP on the
/// first server and timed until the last socket has them.
/// </summary>
public sealed class FanOutSession : IAsyncDisposable
{
    // A broadcast carries "stamp-<n>"; the client knows which one by n.
    private static readonly byte[] StampMarker = "stamp-"u8.ToArray();

    private readonly FanOutTarget target;
    private readonly ClientWebSocket[] sockets;
    private readonly HttpClient http;
    private readonly ConcurrentDictionary<int, Delivery> expected = new();
    private readonly Delivery heard;
    private readonly Task[] readers;
    private int lastStamp;
    private int frameBytes;

    private FanOutSession(ServerProcess server, FanOutTarget target, ClientWebSocket[] sockets, MessageBuffer[] buffers)
    {
        this.target = target;
        this.sockets = sockets;
        http = new HttpClient { BaseAddress = server.Http };
        heard = new Delivery(sockets.Length);
        readers = sockets.Select((socket, i) => Task.Run(() => ReadAsync(socket, i, buffers[i]))).ToArray();
    }

    /// <summary>The number of sockets.</summary>
    public int Clients => sockets.Length;

    /// <summary>The payload of the last message a broadcast arrived in (one client's share of a broadcast).</summary>
    public int FrameBytes => Volatile.Read(ref frameBytes);

    /// <summary>
    /// Opens <paramref name="clients"/> sockets, split evenly between <paramref name="servers"/> (the first ones to the
    /// first server), and joins each to the audience; broadcasts are triggered on the first server.
    /// </summary>
    public static async Task<FanOutSession> OpenAsync(IReadOnlyList<ServerProcess> servers, FanOutTarget target, int clients)
    {
        var sockets = new List<ClientWebSocket>(clients);
        try
        {
            for (var i = 0; i < servers.Count; i++)
            {
                var share = clients / servers.Count + (i < clients % servers.Count ? 1 : 0);
                sockets.AddRange(await LoadGenerator.OpenAsync(servers[i].WebSocket(target.SocketPath), share));
            }
        }
        catch
        {
            await LoadGenerator.CloseAsync(sockets);
            throw;
        }

        return await JoinAsync(servers[0], target, [.. sockets]);
    }

    /// <summary>Joins each of <paramref name="sockets"/> to the audience.</summary>
    private static async Task<FanOutSession> JoinAsync(ServerProcess server, FanOutTarget target, ClientWebSocket[] sockets)
    {
        var clients = sockets.Length;
        var buffers = new MessageBuffer[clients];
        try
        {
            var join = target.JoinBytes;
            for (var start = 0; start < clients; start += 200)
            {
                await Task.WhenAll(Enumerable.Range(start, Math.Min(200, clients - start)).Select(async i =>
                {
                    buffers[i] = new MessageBuffer(1024);
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    await sockets[i].SendAsync(join, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
                    var (_, answer) = await buffers[i].ReceiveAsync(sockets[i], timeout.Token);
                    var text = Encoding.UTF8.GetString(answer.Span);
                    if (!target.Joined(text))
                    {
                        throw new InvalidOperationException($"{target.Name} answered the join of a fan-out client with: {text}");
                    }
                }));
            }
        }
        catch
        {
            await LoadGenerator.CloseAsync(sockets);
            throw;
        }

        return new FanOutSession(server, target, sockets, buffers);
    }

    /// <summary>
    /// Broadcasts, every 200 ms, until every socket has received one: an audience joined over the socket may start
    /// listening a moment after the join's answer. Then <paramref name="warmups"/> broadcasts that every socket must
    /// receive, so that nothing earlier is still on its way when the measured ones start.
    /// </summary>
    public async Task WaitUntilEveryoneHearsAsync(int warmups, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!heard.Everyone.IsCompleted)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{heard.Missing:N0} of {Clients:N0} {target.Name} clients received no broadcast in {timeout.TotalSeconds:F0} s.");
            }

            await TriggerAsync(Interlocked.Increment(ref lastStamp));
            await Task.WhenAny(heard.Everyone, Task.Delay(200));
        }

        for (var i = 0; i < warmups; i++)
        {
            var warmup = await BroadcastAsync(timeout);
            if (warmup.Missing > 0)
            {
                throw new TimeoutException($"{warmup.Missing:N0} of {Clients:N0} {target.Name} clients did not receive a warm-up broadcast in {timeout.TotalSeconds:F0} s.");
            }
        }
    }

    /// <summary>
    /// Triggers one broadcast and waits until every socket has it, or <paramref name="timeout"/> has passed (the
    /// delivery then has clients <see cref="Delivery.Missing"/>).
    /// </summary>
    public async Task<Delivery> BroadcastAsync(TimeSpan timeout)
    {
        var stamp = Interlocked.Increment(ref lastStamp);
        var delivery = new Delivery(Clients);
        expected[stamp] = delivery;
        try
        {
            delivery.Trigger();
            await TriggerAsync(stamp);
            await Task.WhenAny(delivery.Everyone, Task.Delay(timeout));
            return delivery;
        }
        finally
        {
            expected.TryRemove(stamp, out _);
        }
    }

    private async Task TriggerAsync(int stamp)
    {
        using var response = await http.PostAsync($"{BenchEndpoints.FanPath}?stamp=stamp-{stamp}", content: null);
        response.EnsureSuccessStatusCode();
    }

    private async Task ReadAsync(ClientWebSocket socket, int client, MessageBuffer buffer)
    {
        try
        {
            while (true)
            {
                var (type, payload) = await buffer.ReceiveAsync(socket);
                var at = Stopwatch.GetTimestamp();
                if (type == WebSocketMessageType.Close)
                {
                    return;
                }

                Notice(payload.Span, client, at);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket closed under its reader: the session is over.
        }
    }

    /// <summary>Every stamp in a message (SignalR may send several records in one) arrived at <paramref name="client"/>.</summary>
    private void Notice(ReadOnlySpan<byte> message, int client, long at)
    {
        var rest = message;
        int marker;
        while ((marker = rest.IndexOf(StampMarker)) >= 0)
        {
            rest = rest[(marker + StampMarker.Length)..];
            if (!Utf8Parser.TryParse(rest, out int stamp, out var digits))
            {
                continue;
            }

            rest = rest[digits..];
            heard.Arrive(client, at);
            if (expected.TryGetValue(stamp, out var delivery))
            {
                Volatile.Write(ref frameBytes, message.Length);
                delivery.Arrive(client, at);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LoadGenerator.CloseAsync(sockets);
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(10));
        http.Dispose();
    }
}
