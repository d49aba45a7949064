using System.Diagnostics;
using System.Globalization;

namespace LiveView.Bench.Hostile;

/// <summary>
/// How busy the whole machine is (from /proc), so that a report shows when other work shared the cores with the run:
/// the probe measures latency on a machine it does not own.
/// </summary>
/// <param name="LoadAverage">The one-minute load average.</param>
/// <param name="BusySeconds">CPU time spent by everything on the machine since boot (all cores, not idle).</param>
/// <param name="ProbeSeconds">CPU time spent by this process so far.</param>
public readonly record struct MachineLoad(double LoadAverage, double BusySeconds, double ProbeSeconds)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Reads /proc/loadavg, /proc/stat and this process's CPU time.</summary>
    public static MachineLoad Read()
    {
        var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

        // "cpu  user nice system idle iowait irq softirq steal ...": busy is user, nice, system, irq and softirq.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];

        using var self = Process.GetCurrentProcess();
        return new MachineLoad(load, busy / TicksPerSecond, self.TotalProcessorTime.TotalSeconds);
    }

    /// <summary>
    /// Waits until the processes other than this one use less than <paramref name="share"/> of one core over a few
    /// seconds, for at most <paramref name="limit"/>; returns how long it waited.
    /// </summary>
    public static async Task<TimeSpan> WaitForQuietAsync(double share, TimeSpan limit, TextWriter log)
    {
        var window = TimeSpan.FromSeconds(3);
        var clock = Stopwatch.StartNew();
        var said = false;
        while (true)
        {
            var before = Read();
            await Task.Delay(window);
            var after = Read();
            var others = (after.BusySeconds - before.BusySeconds - (after.ProbeSeconds - before.ProbeSeconds)) / window.TotalSeconds;
            if (others < share || clock.Elapsed >= limit)
            {
                if (said)
                {
                    log.WriteLine(others < share
                        ? $"  the machine is quiet after {clock.Elapsed.TotalSeconds:F0} s"
                        : $"  still busy after {clock.Elapsed.TotalSeconds:F0} s (other processes: {others:F2} cores): going on anyway");
                }

                return clock.Elapsed;
            }

            if (!said)
            {
                log.WriteLine($"  other processes keep {others:F2} cores busy; waiting up to {limit.TotalSeconds:F0} s for the machine to be quiet...");
                said = true;
            }
        }
    }
}
