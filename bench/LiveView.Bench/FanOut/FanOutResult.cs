using LiveView.Bench.Report;

namespace LiveView.Bench.FanOut;

/// <summary>One server's fan-out to N clients.</summary>
/// <param name="Server">The server's name.</param>
/// <param name="Clients">Sockets in the audience.</param>
/// <param name="Broadcasts">Broadcasts measured.</param>
/// <param name="Last">Per broadcast that every client received: ms from the trigger until the last client had it.</param>
/// <param name="Half">Per broadcast that every client received: ms from the trigger until half the clients had it.</param>
/// <param name="Lost">Broadcasts that some client had not received 30 s after the trigger.</param>
/// <param name="Duplicates">Times a client received a broadcast it already had.</param>
/// <param name="ServerCpuSeconds">The server's CPU time over the measured broadcasts.</param>
/// <param name="FrameBytes">The payload of the message a broadcast arrived in, at one client.</param>
public sealed record FanOutResult(
    string Server, int Clients, int Broadcasts, double[] Last, double[] Half, int Lost, int Duplicates, double ServerCpuSeconds, int FrameBytes)
{
    /// <summary>Time until the last client had a broadcast, over the broadcasts.</summary>
    public Percentiles LastLatency => Percentiles.Of(Last);

    /// <summary>Time until half the clients had a broadcast, over the broadcasts.</summary>
    public Percentiles HalfLatency => Percentiles.Of(Half);

    /// <summary>The server's CPU time per broadcast, in ms.</summary>
    public double CpuMillisecondsPerBroadcast => Broadcasts == 0 ? 0 : ServerCpuSeconds * 1000 / Broadcasts;

    /// <summary>Several rounds of the same fan-out as one: broadcasts pooled, counters added up.</summary>
    public static FanOutResult Combine(IReadOnlyList<FanOutResult> rounds) => new(
        rounds[0].Server,
        rounds[0].Clients,
        rounds.Sum(r => r.Broadcasts),
        rounds.SelectMany(r => r.Last).ToArray(),
        rounds.SelectMany(r => r.Half).ToArray(),
        rounds.Sum(r => r.Lost),
        rounds.Sum(r => r.Duplicates),
        rounds.Sum(r => r.ServerCpuSeconds),
        rounds[^1].FrameBytes);
}

/// <summary>LiveView's fan-out and SignalR's to the same number of clients, in the same run.</summary>
public sealed record FanOutPair(FanOutResult LiveView, FanOutResult SignalR);
