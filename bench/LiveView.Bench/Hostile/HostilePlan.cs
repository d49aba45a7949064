namespace LiveView.Bench.Hostile;

/// <summary>How long and how hard the hostile-load probe pushes: the full run (a few minutes) and a smoke run's.</summary>
/// <param name="Name">For the report: <c>full</c> or <c>smoke</c>.</param>
/// <param name="Scale">The share of each scenario's frames actually sent (1 in the full run).</param>
/// <param name="Quiet">How long the well-behaved client measures before the flood, with the server otherwise idle.</param>
/// <param name="FloodWindow">The longest a flood lasts, from its first frame until the flooder is closed.</param>
/// <param name="Settle">How long the server is left alone after the flooder closed before its memory is read.</param>
/// <param name="StallLimit">A send that has not completed after this long counts as blocked: the flooder stops sending.</param>
/// <param name="RoundTripTimeout">A round trip of the well-behaved client longer than this is reported as a timeout.</param>
/// <param name="RoundTripInterval">The well-behaved client sends at most one action per interval (a person clicking fast).</param>
/// <param name="SampleInterval">How often the server's RSS is read.</param>
/// <param name="QuietMachineWait">
/// Before each scenario, how long to wait at most for other processes on the machine to go quiet (under a fifth of a
/// core): on a shared machine, other work would otherwise show up as the server's latency.
/// </param>
/// <param name="Attempts">
/// How many times a scenario may run: it runs again while other processes used more than
/// <paramref name="BusyMachine"/> of a core on average during its flood, and the report keeps the least disturbed run.
/// </param>
/// <param name="BusyMachine">The share of one core that other processes may use during a flood before it is run again.</param>
public sealed record HostilePlan(
    string Name,
    double Scale,
    TimeSpan Quiet,
    TimeSpan FloodWindow,
    TimeSpan Settle,
    TimeSpan StallLimit,
    TimeSpan RoundTripTimeout,
    TimeSpan RoundTripInterval,
    TimeSpan SampleInterval,
    TimeSpan QuietMachineWait,
    int Attempts,
    double BusyMachine)
{
    /// <summary>The run whose figures go into the report: at most 60 s of flood and 10 s of settling per scenario.</summary>
    public static readonly HostilePlan Full = new(
        "full",
        Scale: 1,
        Quiet: TimeSpan.FromSeconds(3),
        FloodWindow: TimeSpan.FromSeconds(60),
        Settle: TimeSpan.FromSeconds(10),
        StallLimit: TimeSpan.FromSeconds(10),
        RoundTripTimeout: TimeSpan.FromSeconds(10),
        RoundTripInterval: TimeSpan.FromMilliseconds(50),
        SampleInterval: TimeSpan.FromMilliseconds(250),
        QuietMachineWait: TimeSpan.FromMinutes(3),
        Attempts: 3,
        BusyMachine: 0.1);

    /// <summary>A few seconds per scenario with a fiftieth of the frames: checks that the probe works, measures nothing.</summary>
    public static readonly HostilePlan Smoke = Full with
    {
        Name = "smoke",
        Scale = 0.02,
        Quiet = TimeSpan.FromSeconds(1),
        FloodWindow = TimeSpan.FromSeconds(6),
        Settle = TimeSpan.FromSeconds(2),
        StallLimit = TimeSpan.FromSeconds(3),
        QuietMachineWait = TimeSpan.Zero,
        Attempts = 1,
    };

    /// <summary>The frames a scenario sends under this plan.</summary>
    public int FramesOf(HostileScenario scenario) => Math.Max(1, (int)Math.Round(scenario.Frames * Scale));
}
