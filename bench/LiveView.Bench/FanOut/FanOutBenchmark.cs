using LiveView.Bench.Servers;

namespace LiveView.Bench.FanOut;

/// <summary>
/// One broadcast to N clients of one node, LiveView's topic against SignalR's group: for each N, the servers take
/// turns, each round opening N sockets, joining them, warming up, and timing its share of the broadcasts.
/// </summary>
public static class FanOutBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<FanOutPair>> RunAsync(FanOutPlan plan, ServerProcess liveView, ServerProcess signalR, TextWriter log)
    {
        var pairs = new List<FanOutPair>();
        foreach (var clients in plan.Clients)
        {
            log.WriteLine($"Fan-out to {clients:N0} clients...");
            var lvRounds = new List<FanOutResult>();
            var srRounds = new List<FanOutResult>();
            var perRound = (plan.Broadcasts + plan.Rounds - 1) / plan.Rounds;
            for (var round = 0; round < plan.Rounds; round++)
            {
                var broadcasts = Math.Min(perRound, plan.Broadcasts - round * perRound);
                lvRounds.Add(await MeasureAsync([liveView], FanOutTarget.LiveView.Name, FanOutTarget.LiveView, clients, broadcasts, plan.Warmups));
                srRounds.Add(await MeasureAsync([signalR], FanOutTarget.SignalR.Name, FanOutTarget.SignalR, clients, broadcasts, plan.Warmups));
            }

            var pair = new FanOutPair(FanOutResult.Combine(lvRounds), FanOutResult.Combine(srRounds));
            log.WriteLine($"  last client p50: LiveView {pair.LiveView.LastLatency.P50:F2} ms, SignalR {pair.SignalR.LastLatency.P50:F2} ms");
            pairs.Add(pair);
        }

        return pairs;
    }

    /// <summary>
    /// One round: <paramref name="clients"/> sockets split between <paramref name="servers"/>, <paramref name="broadcasts"/>
    /// broadcasts triggered on the first and timed; the result is called <paramref name="name"/>, its CPU time is the
    /// servers' together. <paramref name="watch"/>, if any, is started just before the timed broadcasts and stopped
    /// just after them.
    /// </summary>
    public static async Task<FanOutResult> MeasureAsync(
        IReadOnlyList<ServerProcess> servers, string name, FanOutTarget target, int clients, int broadcasts, int warmups, IBroadcastWatch? watch = null)
    {
        await using var session = await FanOutSession.OpenAsync(servers, target, clients);
        await session.WaitUntilEveryoneHearsAsync(warmups, Timeout);

        var last = new List<double>();
        var half = new List<double>();
        int lost = 0, duplicates = 0;
        var before = CpuSeconds(servers);
        if (watch is not null)
        {
            await watch.StartAsync();
        }

        for (var i = 0; i < broadcasts; i++)
        {
            var delivery = await session.BroadcastAsync(Timeout);
            duplicates += delivery.Duplicates;
            if (delivery.Missing > 0)
            {
                lost++;
                continue;
            }

            last.Add(delivery.LastMilliseconds);
            half.Add(delivery.HalfMilliseconds);
            // A pause, so that each broadcast starts on a quiet server.
            await Task.Delay(100);
        }

        if (watch is not null)
        {
            await watch.StopAsync(broadcasts);
        }

        var cpu = CpuSeconds(servers) - before;
        return new FanOutResult(name, clients, broadcasts, [.. last], [.. half], lost, duplicates, cpu, session.FrameBytes);
    }

    private static double CpuSeconds(IReadOnlyList<ServerProcess> servers) => servers.Sum(server => server.Stats().CpuSeconds);
}
