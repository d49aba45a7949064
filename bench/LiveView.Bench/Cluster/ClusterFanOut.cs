using LiveView.Bench.FanOut;
using LiveView.Bench.Servers;
using LiveView.Deployment;

namespace LiveView.Bench.Cluster;

/// <summary>
/// The fan-out to N clients in three set-ups: one node (in memory, no Redis), one node on Redis, and two nodes on
/// Redis with the clients split half and half between them and the broadcast triggered on the first.
/// </summary>
/// <param name="OneNode">One node, no Redis.</param>
/// <param name="OneNodeRedis">One node on Redis (it publishes every broadcast there, for nobody).</param>
/// <param name="TwoNodes">Two nodes on Redis.</param>
/// <param name="OneNodeRedisTraffic">Redis's side of <paramref name="OneNodeRedis"/>'s timed broadcasts.</param>
/// <param name="TwoNodesTraffic">Redis's side of <paramref name="TwoNodes"/>' timed broadcasts.</param>
public sealed record ClusterFanOut(
    FanOutResult OneNode, FanOutResult OneNodeRedis, FanOutResult TwoNodes, RedisCounts OneNodeRedisTraffic, RedisCounts TwoNodesTraffic)
{
    /// <summary>The Redis channel of the fan page's topic (the backplane's default prefix).</summary>
    public const string FanChannel = "liveview:topic:fan";

    /// <summary>The three set-ups' names in the report.</summary>
    public const string OneNodeName = "one node", OneNodeRedisName = "one node, Redis", TwoNodesName = "two nodes, Redis";

    public int Clients => OneNode.Clients;

    /// <summary>
    /// Starts the bench server four times (one node without Redis, one on <paramref name="redis"/>, and two more on it)
    /// and, for each N, lets the three set-ups take turns in each round.
    /// </summary>
    public static async Task<IReadOnlyList<ClusterFanOut>> RunAsync(
        FanOutPlan plan, ServerBinaries servers, RedisServer redis, TextWriter log)
    {
        var onRedis = new Dictionary<string, string> { ["ConnectionStrings__Redis"] = redis.ConnectionString };
        await using var single = await ServerProcess.StartAsync(servers.LiveView, servers.Environment);
        await using var solo = await ServerProcess.StartAsync(servers.LiveView, servers.Environment, [], onRedis, output: null);
        await using var a = await ServerProcess.StartAsync(servers.LiveView, servers.Environment, [], onRedis, output: null);
        await using var b = await ServerProcess.StartAsync(servers.LiveView, servers.Environment, [], onRedis, output: null);

        var results = new List<ClusterFanOut>();
        foreach (var clients in plan.Clients)
        {
            log.WriteLine($"Fan-out to {clients:N0} clients on one node, one node on Redis and two nodes on Redis...");
            await using var soloTraffic = await RedisTraffic.ConnectAsync(redis.ConnectionString, redis.ProcessId);
            await using var twoTraffic = await RedisTraffic.ConnectAsync(redis.ConnectionString, redis.ProcessId);
            var rounds = (One: new List<FanOutResult>(), Solo: new List<FanOutResult>(), Two: new List<FanOutResult>());
            var perRound = (plan.Broadcasts + plan.Rounds - 1) / plan.Rounds;
            for (var round = 0; round < plan.Rounds; round++)
            {
                var broadcasts = Math.Min(perRound, plan.Broadcasts - round * perRound);
                rounds.One.Add(await FanOutBenchmark.MeasureAsync([single], OneNodeName, FanOutTarget.LiveView, clients, broadcasts, plan.Warmups));
                rounds.Solo.Add(await FanOutBenchmark.MeasureAsync([solo], OneNodeRedisName, FanOutTarget.LiveView, clients, broadcasts, plan.Warmups, soloTraffic));
                rounds.Two.Add(await FanOutBenchmark.MeasureAsync([a, b], TwoNodesName, FanOutTarget.LiveView, clients, broadcasts, plan.Warmups, twoTraffic));
            }

            var result = new ClusterFanOut(
                FanOutResult.Combine(rounds.One), FanOutResult.Combine(rounds.Solo), FanOutResult.Combine(rounds.Two),
                soloTraffic.Counts(), twoTraffic.Counts());
            log.WriteLine($"  last client p50: one node {result.OneNode.LastLatency.P50:F2} ms, one node on Redis {result.OneNodeRedis.LastLatency.P50:F2} ms, " +
                          $"two nodes {result.TwoNodes.LastLatency.P50:F2} ms; PUBLISH on {FanChannel} per broadcast: " +
                          $"{result.TwoNodesTraffic.PerBroadcast(result.TwoNodesTraffic.On(FanChannel)):F2}");
            results.Add(result);
        }

        return results;
    }
}
