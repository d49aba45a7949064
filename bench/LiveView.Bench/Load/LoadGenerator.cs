using System.Diagnostics;
using System.Net.WebSockets;
using LiveView.Bench.Report;
using LiveView.Bench.Servers;

namespace LiveView.Bench.Load;

/// <summary>The figures of one closed-loop run.</summary>
/// <param name="Connections">Sockets, each sending its next request as soon as the last reply arrived.</param>
/// <param name="Requests">Requests sent during the measured window.</param>
/// <param name="Replies">Replies received during the measured window (must equal <paramref name="Requests"/>).</param>
/// <param name="Seconds">Length of the measured window.</param>
/// <param name="Latency">Round trip, send to last byte of the reply, in ms.</param>
/// <param name="RequestBytes">Payload of one request.</param>
/// <param name="ReplyBytes">Payload of one reply (the average).</param>
/// <param name="Server">The server's CPU and memory over the window.</param>
/// <param name="Tcp">What the server's sockets sent and received over the window (TCP payload).</param>
/// <param name="ServerRssAfter">The server's RSS at the end of the window.</param>
/// <param name="Samples">Every round trip measured, in ms.</param>
public sealed record LoadResult(
    int Connections, long Requests, long Replies, double Seconds, Percentiles Latency,
    int RequestBytes, double ReplyBytes, ProcStats Server, TcpCounters Tcp, long ServerRssAfter, double[] Samples)
{
    /// <summary>Several windows of the same load as one: samples pooled, counters added up.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> rounds)
    {
        var samples = rounds.SelectMany(r => r.Samples).ToArray();
        var replies = rounds.Sum(r => r.Replies);
        return new LoadResult(
            rounds[0].Connections,
            rounds.Sum(r => r.Requests),
            replies,
            rounds.Sum(r => r.Seconds),
            Percentiles.Of(samples),
            rounds[0].RequestBytes,
            replies == 0 ? 0 : rounds.Sum(r => r.ReplyBytes * r.Replies) / replies,
            rounds.Select(r => r.Server).Aggregate((a, b) => new ProcStats(a.CpuSeconds + b.CpuSeconds, Math.Max(a.RssBytes, b.RssBytes), Math.Max(a.AnonymousBytes, b.AnonymousBytes))),
            rounds.Select(r => r.Tcp).Aggregate((a, b) => new TcpCounters(a.Sent + b.Sent, a.Received + b.Received)),
            rounds[^1].ServerRssAfter,
            samples);
    }

    public double EventsPerSecond => Replies / Seconds;

    public double CpuMillisecondsPerEvent => Replies == 0 ? 0 : Server.CpuSeconds * 1000 / Replies;

    /// <summary>TCP payload the server sent per event: the WebSocket frame of the reply, header included.</summary>
    public double ServerSentPerEvent => Replies == 0 ? 0 : (double)Tcp.Sent / Replies;

    /// <summary>TCP payload the server received per event: the client's masked frame.</summary>
    public double ServerReceivedPerEvent => Replies == 0 ? 0 : (double)Tcp.Received / Replies;
}

/// <summary>
/// Opens N WebSockets on loopback and, on each, sends a request and waits for its reply, again and again, for a
/// while: events per second, latency percentiles, bytes per event, and the server's CPU and memory meanwhile.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(
        ServerProcess server, Uri socket, byte[] request, int connections, TimeSpan warmup, TimeSpan duration)
    {
        var sockets = await OpenAsync(socket, connections);
        try
        {
            // Warm-up, then a pause with every socket quiet while the counters are read, then the measured run:
            // the server's CPU and TCP counters cover exactly the requests counted.
            await RunPhaseAsync(sockets, request, warmup);
            var before = server.Stats();
            var tcpBefore = server.Tcp();
            var clock = Stopwatch.StartNew();
            var measured = await RunPhaseAsync(sockets, request, duration);
            var seconds = clock.Elapsed.TotalSeconds;
            var after = server.Stats();
            var tcpAfter = server.Tcp();

            var latencies = measured.SelectMany(m => m.Samples).ToArray();
            var replies = latencies.LongLength;
            return new LoadResult(
                connections,
                measured.Sum(m => m.Requests),
                replies,
                seconds,
                Percentiles.Of(latencies),
                request.Length,
                replies == 0 ? 0 : (double)measured.Sum(m => m.ReplyBytes) / replies,
                after - before,
                tcpAfter - tcpBefore,
                after.RssBytes,
                latencies);
        }
        finally
        {
            await CloseAsync(sockets);
        }
    }

    /// <summary>What one socket did in a phase.</summary>
    private sealed record SocketRun(long Requests, long ReplyBytes, List<double> Samples);

    /// <summary>
    /// Every socket sends, waits for the reply, and again, until <paramref name="duration"/> is over. A reply that
    /// has not come 10 s after the end is given up: that socket's requests then outnumber its replies.
    /// </summary>
    private static async Task<SocketRun[]> RunPhaseAsync(ClientWebSocket[] sockets, byte[] request, TimeSpan duration)
    {
        var stop = false;
        using var abandon = new CancellationTokenSource();

        async Task<SocketRun> LoopAsync(ClientWebSocket ws)
        {
            var buffer = new byte[64 * 1024];
            var samples = new List<double>(4096);
            long requests = 0, replyBytes = 0;
            while (!Volatile.Read(ref stop))
            {
                requests++;
                var started = Stopwatch.GetTimestamp();
                await ws.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                var received = 0;
                ValueWebSocketReceiveResult result;
                try
                {
                    do
                    {
                        result = await ws.ReceiveAsync(buffer.AsMemory(received), abandon.Token);
                        received += result.Count;
                    }
                    while (!result.EndOfMessage);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                replyBytes += received;
            }

            return new SocketRun(requests, replyBytes, samples);
        }

        var loops = sockets.Select(ws => Task.Run(() => LoopAsync(ws))).ToArray();
        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        abandon.CancelAfter(TimeSpan.FromSeconds(10));
        return await Task.WhenAll(loops);
    }

    /// <summary>Opens <paramref name="count"/> sockets, a few hundred at a time.</summary>
    public static async Task<ClientWebSocket[]> OpenAsync(Uri uri, int count)
    {
        var sockets = new ClientWebSocket[count];
        const int batch = 200;
        for (var start = 0; start < count; start += batch)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(batch, count - start)).Select(async i =>
            {
                var ws = new ClientWebSocket();
                ws.Options.KeepAliveInterval = TimeSpan.Zero;
                await ws.ConnectAsync(uri, CancellationToken.None);
                sockets[i] = ws;
            }));
        }

        return sockets;
    }

    public static async Task CloseAsync(IEnumerable<ClientWebSocket?> sockets) =>
        await Task.WhenAll(sockets.Where(s => s is not null).Select(async ws =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await ws!.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Closing is best effort: the run's figures are already taken.
            }
            finally
            {
                ws!.Dispose();
            }
        }));
}
