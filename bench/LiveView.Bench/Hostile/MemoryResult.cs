namespace LiveView.Bench.Hostile;

/// <summary>The server process over one scenario: before, during and after the flood.</summary>
/// <param name="BaselineRss">Median RSS before the flood (the well-behaved client connected, nothing else).</param>
/// <param name="PeakRss">Highest RSS from the flood's start until the flooder was closed.</param>
/// <param name="PeakAt">When that was, in seconds from the flood's start.</param>
/// <param name="AfterRss">RSS at the end of the settle, the flooder gone.</param>
/// <param name="FloodCpuSeconds">Server CPU time from the flood's start until the flooder was closed.</param>
/// <param name="SettleCpuSeconds">Server CPU time during the settle, with no client left.</param>
/// <param name="BaselineThreads">Server threads before the flood.</param>
/// <param name="PeakThreads">Most server threads seen, from the flood's start to the end of the settle.</param>
/// <param name="Timeline">RSS every few seconds from the flood's start to the end of the settle: (seconds, bytes).</param>
/// <param name="ClosedAt">When the flooder was closed, in seconds from the flood's start.</param>
public sealed record MemoryResult(
    long BaselineRss,
    long PeakRss,
    double PeakAt,
    long AfterRss,
    double FloodCpuSeconds,
    double SettleCpuSeconds,
    int BaselineThreads,
    int PeakThreads,
    IReadOnlyList<(double Seconds, long Rss)> Timeline,
    double ClosedAt)
{
    /// <summary>Sums up a sampler's readings; times are the sampler's (<see cref="MemorySampler.Now"/>).</summary>
    public static MemoryResult From(ProcessSample[] samples, double floodStart, double closedAt, double settledAt, TimeSpan step)
    {
        // A server that died mid-scenario leaves phases without readings: their figures stay 0.
        var before = samples.Where(s => s.Seconds <= floodStart).DefaultIfEmpty().ToArray();
        var flood = samples.Where(s => s.Seconds >= floodStart && s.Seconds <= closedAt).DefaultIfEmpty().ToArray();
        var settle = samples.Where(s => s.Seconds >= closedAt && s.Seconds <= settledAt).DefaultIfEmpty().ToArray();
        var afterFlood = samples.Where(s => s.Seconds >= floodStart).DefaultIfEmpty().ToArray();

        var peak = flood.MaxBy(s => s.Rss);
        var timeline = new List<(double, long)>();
        for (var t = 0.0; floodStart + t <= settledAt + 0.01; t += step.TotalSeconds)
        {
            var at = afterFlood.MinBy(s => Math.Abs(s.Seconds - (floodStart + t)));
            timeline.Add((t, at.Rss));
        }

        return new MemoryResult(
            Median(before.Select(s => s.Rss)),
            peak.Rss,
            Math.Max(0, peak.Seconds - floodStart),
            settle[^1].Rss,
            flood[^1].CpuSeconds - flood[0].CpuSeconds,
            settle[^1].CpuSeconds - settle[0].CpuSeconds,
            before[^1].Threads,
            afterFlood.Max(s => s.Threads),
            timeline,
            closedAt - floodStart);
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
