namespace LiveView.Bench;

/// <summary>How much to measure: the full run (under 10 minutes), the quick one (under 2) and a smoke test's.</summary>
/// <remarks>
/// Each round-trip figure pools <c>Rounds</c> windows of <c>Duration / Rounds</c>, LiveView and the echo taking
/// turns, so that a slow moment of the machine does not fall on one server only.
/// </remarks>
public sealed record Plan(
    string Name,
    int[] Connections,
    TimeSpan Warmup,
    TimeSpan Duration,
    int IdleConnections,
    int Clicks,
    int Pages,
    int Rounds,
    FanOutPlan FanOut,
    ClusterPlan? Cluster,
    bool Browser = true)
{
    public static readonly Plan Full = new("full", [1, 1000], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15), 10_000, 500, 200, Rounds: 3,
        new FanOutPlan([1_000, 10_000], Broadcasts: 20, Rounds: 2, Warmups: 3),
        new ClusterPlan("full", new FanOutPlan([1_000, 10_000], Broadcasts: 20, Rounds: 2, Warmups: 3), Tabs: 10, Kills: 10));

    public static readonly Plan Quick = new("quick", [1, 1000], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), 2_000, 200, 20, Rounds: 2,
        new FanOutPlan([1_000], Broadcasts: 20, Rounds: 1, Warmups: 3),
        new ClusterPlan("quick", new FanOutPlan([1_000], Broadcasts: 20, Rounds: 1, Warmups: 3), Tabs: 10, Kills: 4));

    public static readonly Plan Smoke = new("smoke", [1, 4], TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1), 20, 20, 3, Rounds: 1,
        new FanOutPlan([20], Broadcasts: 3, Rounds: 1, Warmups: 1),
        new ClusterPlan("smoke", new FanOutPlan([20], Broadcasts: 3, Rounds: 1, Warmups: 1), Tabs: 2, Kills: 2));
}

/// <summary>
/// The fan-out: for each number of <paramref name="Clients"/>, <paramref name="Broadcasts"/> timed broadcasts per
/// server, split into <paramref name="Rounds"/> rounds in which LiveView and SignalR take turns (each round opens
/// its sockets afresh), each round after <paramref name="Warmups"/> broadcasts that are not timed.
/// </summary>
public sealed record FanOutPlan(int[] Clients, int Broadcasts, int Rounds, int Warmups);

/// <summary>
/// The many-node part: the fan-out of <paramref name="FanOut"/> on one node, one node on Redis and two nodes on Redis
/// (taking turns in each round); then <paramref name="Tabs"/> Chromium tabs on the Chat's two nodes behind nginx, and
/// <paramref name="Kills"/> times the node that holds some of them killed (the two in turn) and started again. Null in a
/// <see cref="Plan"/>: the run leaves it out.
/// </summary>
public sealed record ClusterPlan(string Name, FanOutPlan FanOut, int Tabs, int Kills);
