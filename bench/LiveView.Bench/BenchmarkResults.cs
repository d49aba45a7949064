using LiveView.Bench.Browser;
using LiveView.Bench.Cluster;
using LiveView.Bench.FanOut;
using LiveView.Bench.Load;
using LiveView.Bench.Report;

namespace LiveView.Bench;

/// <summary>One round-trip comparison at a number of connections.</summary>
public sealed record LoadPair(LoadResult LiveView, LoadResult Echo);

/// <summary>Everything one run measured, and the machine's load averages (1, 5, 15 minutes) when it began.</summary>
public sealed record BenchmarkResults(
    Plan Plan,
    Machine Machine,
    DateTimeOffset Started,
    TimeSpan Elapsed,
    IReadOnlyList<LoadPair> Load,
    IdleResult IdleLiveView,
    IdleResult IdlePresent,
    IdleResult IdleEcho,
    IReadOnlyList<FanOutPair> FanOut,
    BrowserResults? Browser,
    IReadOnlyList<double> LoadAverages,
    ClusterResults? Cluster = null);
