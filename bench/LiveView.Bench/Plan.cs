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
    bool Browser = true)
{
    public static readonly Plan Full = new("full", [1, 1000], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15), 10_000, 500, 200, Rounds: 3,
        new FanOutPlan([1_000, 10_000], Broadcasts: 20, Rounds: 2, Warmups: 3));

    public static readonly Plan Quick = new("quick", [1, 1000], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), 2_000, 200, 20, Rounds: 2,
        new FanOutPlan([1_000], Broadcasts: 20, Rounds: 1, Warmups: 3));

    public static readonly Plan Smoke = new("smoke", [1, 4], TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1), 20, 20, 3, Rounds: 1,
        new FanOutPlan([20], Broadcasts: 3, Rounds: 1, Warmups: 1));
}

/// <summary>
/// The fan-out: for each number of <paramref name="Clients"/>, <paramref name="Broadcasts"/> timed broadcasts per
/// server, split into <paramref name="Rounds"/> rounds in which LiveView and SignalR take turns (each round opens
/// its sockets afresh), each round after <paramref name="Warmups"/> broadcasts that are not timed.
/// </summary>
public sealed record FanOutPlan(int[] Clients, int Broadcasts, int Rounds, int Warmups);
