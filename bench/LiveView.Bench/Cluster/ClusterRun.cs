using System.Diagnostics;
using LiveView.Bench.Report;
using LiveView.Bench.Servers;
using LiveView.Deployment;

namespace LiveView.Bench.Cluster;

/// <summary>What the many-node part measured, on which machine, and how loaded it was when it began.</summary>
/// <param name="Plan">What it measured.</param>
/// <param name="Machine">Where.</param>
/// <param name="Started">When.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="LoadAverages">The machine's load averages (1, 5, 15 minutes) when it began.</param>
/// <param name="FanOut">The fan-out in three set-ups, per N.</param>
/// <param name="Resume">The tabs of killed nodes.</param>
public sealed record ClusterResults(
    ClusterPlan Plan, Machine Machine, DateTimeOffset Started, TimeSpan Elapsed, IReadOnlyList<double> LoadAverages,
    IReadOnlyList<ClusterFanOut> FanOut, ResumeResult Resume);

/// <summary>The many-node part of a run: a real Redis of its own, the fan-out on one and two nodes, and the resume.</summary>
public static class ClusterRun
{
    public static async Task<ClusterResults> RunAsync(ClusterPlan plan, ServerBinaries servers, TextWriter log)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var load = Machine.LoadAverages();
        await using var redis = await RedisServer.StartAsync();
        var fanOut = await ClusterFanOut.RunAsync(plan.FanOut, servers, redis, log);
        var resume = await ResumeBenchmark.RunAsync(plan, servers.Chat, redis, log);
        return new ClusterResults(plan, Machine.Current(), started, clock.Elapsed, load, fanOut, resume);
    }
}
