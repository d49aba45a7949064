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
    bool Browser = true)
{
    public static readonly Plan Full = new("full", [1, 1000], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15), 10_000, 500, 200, Rounds: 3);

    public static readonly Plan Quick = new("quick", [1, 1000], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), 2_000, 200, 20, Rounds: 2);

    public static readonly Plan Smoke = new("smoke", [1, 4], TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1), 20, 20, 3, Rounds: 1);
}
