using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using LiveView.Bench.Browser;
using LiveView.Bench.Cluster;
using LiveView.Bench.FanOut;
using LiveView.Bench.Load;
using LiveView.Bench.Report;
using LiveView.Bench.Servers;

namespace LiveView.Bench;

/// <summary>
/// Runs the whole comparison: round trips against the echo baseline, idle memory, fan-out against SignalR, the
/// browser against Blazor, and many nodes on Redis.
/// </summary>
public static class BenchmarkRun
{
    /// <summary>The QuickStart's random-number action, exactly as the browser client sends it.</summary>
    public static readonly byte[] RandomNumberRequest =
        Encoding.UTF8.GetBytes("""{"action":"home->random_number","data":{"lang":"en"}}""");

    /// <summary>
    /// Mounts the bench server's present page (subscribed to a topic and present in it) as a Django LiveView v1
    /// client's first action for a page does: mount, then the action, which is answered.
    /// </summary>
    public static readonly byte[] PresentJoinRequest =
        Encoding.UTF8.GetBytes("""{"action":"present->join","data":{}}""");

    public static async Task<BenchmarkResults> RunAsync(Plan plan, ServerBinaries servers, TextWriter log)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var loadAverages = Machine.LoadAverages();
        // The socket benchmarks' servers have ended when the browser's start: nothing of theirs runs beside it.
        var sockets = await RunSocketsAsync(plan, servers, log);
        var browser = plan.Browser ? await BrowserComparison.RunAsync(plan, servers, log) : null;
        var cluster = plan.Cluster is { } many ? await ClusterRun.RunAsync(many, servers, log) : null;
        return sockets with { Started = started, Elapsed = clock.Elapsed, Browser = browser, LoadAverages = loadAverages, Cluster = cluster };
    }

    /// <summary>Round trips against the echo, idle memory and the fan-out against SignalR: a run's figures but the browser's.</summary>
    private static async Task<BenchmarkResults> RunSocketsAsync(Plan plan, ServerBinaries servers, TextWriter log)
    {
        await using var liveView = await ServerProcess.StartAsync(servers.LiveView, servers.Environment);
        var liveViewSocket = liveView.WebSocket("/ws/liveview/?protocol=2");
        var replyBytes = await MeasureReplyAsync(liveViewSocket);
        log.WriteLine($"LiveView reply: {replyBytes} bytes; the echo server will answer with as many.");

        await using var echo = await ServerProcess.StartAsync(servers.Echo, servers.Environment, $"--ReplyBytes={replyBytes}");
        var echoSocket = echo.WebSocket("/ws");

        var load = new List<LoadPair>();
        foreach (var connections in plan.Connections)
        {
            log.WriteLine($"Round trips at {connections} connection(s)...");
            var window = plan.Duration / plan.Rounds;
            var lvRounds = new List<LoadResult>();
            var ecRounds = new List<LoadResult>();
            for (var round = 0; round < plan.Rounds; round++)
            {
                lvRounds.Add(await LoadGenerator.RunAsync(liveView, liveViewSocket, RandomNumberRequest, connections, plan.Warmup, window));
                ecRounds.Add(await LoadGenerator.RunAsync(echo, echoSocket, RandomNumberRequest, connections, plan.Warmup, window));
            }

            var lv = LoadResult.Combine(lvRounds);
            var ec = LoadResult.Combine(ecRounds);
            log.WriteLine($"  LiveView {lv.EventsPerSecond:F0}/s p50 {lv.Latency.P50:F3} ms; echo {ec.EventsPerSecond:F0}/s p50 {ec.Latency.P50:F3} ms");
            load.Add(new LoadPair(lv, ec));
        }

        log.WriteLine($"Idle memory with {plan.IdleConnections} connections...");
        var idleLiveView = await IdleProbe.RunAsync(liveView, liveViewSocket, RandomNumberRequest, plan.IdleConnections);
        var idlePresent = await IdleProbe.RunAsync(liveView, liveViewSocket, PresentJoinRequest, plan.IdleConnections, () => CountPresentAsync(liveView));
        var idleEcho = await IdleProbe.RunAsync(echo, echoSocket, RandomNumberRequest, plan.IdleConnections);
        log.WriteLine($"  LiveView {idleLiveView.BytesPerConnection / 1024:F1} KB/connection, subscribed and present {idlePresent.BytesPerConnection / 1024:F1} KB; " +
                      $"echo {idleEcho.BytesPerConnection / 1024:F1} KB/connection");

        IReadOnlyList<FanOutPair> fanOut;
        await using (var signalR = await ServerProcess.StartAsync(servers.SignalR, servers.Environment))
        {
            fanOut = await FanOutBenchmark.RunAsync(plan.FanOut, liveView, signalR, log);
        }

        return new BenchmarkResults(plan, Machine.Current(), default, default, load, idleLiveView, idlePresent, idleEcho, fanOut, Browser: null, LoadAverages: []);
    }

    /// <summary>How many pages the LiveView bench server has present in its present page's topic.</summary>
    private static async Task<int> CountPresentAsync(ServerProcess server)
    {
        using var http = new HttpClient { BaseAddress = server.Http };
        return int.Parse(await http.GetStringAsync(BenchEndpoints.PresentPath), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One round trip, to learn the size of LiveView's reply.</summary>
    private static async Task<int> MeasureReplyAsync(Uri socket)
    {
        using var ws = new ClientWebSocket();
        await ws.ConnectAsync(socket, CancellationToken.None);
        await ws.SendAsync(RandomNumberRequest, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var buffer = new byte[4096];
        var received = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(buffer.AsMemory(received), CancellationToken.None);
            received += result.Count;
        }
        while (!result.EndOfMessage);

        await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return received;
    }
}
