using LiveView.Bench.Report;

namespace LiveView.Bench.Hostile;

/// <summary>Everything one scenario measured.</summary>
/// <param name="Scenario">What ran.</param>
/// <param name="Frames">Frames the flooder was to send under the plan.</param>
/// <param name="Memory">The server's RSS, CPU and threads.</param>
/// <param name="Quiet">The well-behaved client's round trips before the flood.</param>
/// <param name="DuringFlood">Its round trips during the flood.</param>
/// <param name="Flood">What the flooder did and got.</param>
/// <param name="FlooderAfterSettle">The flooder's connection as the kernel saw it at the end of the settle.</param>
/// <param name="After">A new client's first round trip after the settle: does the server still serve?</param>
/// <param name="ServerLog">What the server logged.</param>
/// <param name="ServerExited">True if the server's process ended during the scenario.</param>
/// <param name="LoadAverage">The machine's one-minute load average just before the flood.</param>
/// <param name="OthersCpuSeconds">
/// CPU time that processes other than the server and the probe used from the flood's start until the flooder was
/// closed: other work sharing the cores, which makes latencies worse than the server alone would.
/// </param>
/// <param name="Attempt">Which run of the scenario this is (it runs again when other work disturbed it).</param>
public sealed record ScenarioResult(
    HostileScenario Scenario,
    int Frames,
    MemoryResult Memory,
    RoundTripResult Quiet,
    RoundTripResult DuringFlood,
    FloodResult Flood,
    TcpConnection FlooderAfterSettle,
    ExchangeResult After,
    ServerLogSummary ServerLog,
    bool ServerExited,
    double LoadAverage,
    double OthersCpuSeconds,
    int Attempt = 1)
{
    /// <summary>The share of one core other processes used on average during the flood.</summary>
    public double OthersShare => Memory.ClosedAt <= 0 ? 0 : OthersCpuSeconds / Memory.ClosedAt;
}

/// <summary>Everything one hostile-load run measured.</summary>
public sealed record HostileResults(
    HostilePlan Plan,
    Machine Machine,
    DateTimeOffset Started,
    TimeSpan Elapsed,
    string Commit,
    IReadOnlyList<ScenarioResult> Scenarios);
