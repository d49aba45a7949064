using System.Globalization;

namespace LiveView.Bench.Servers;

/// <summary>One reading of a process's counters from /proc: CPU time and resident memory.</summary>
public readonly record struct ProcStats(double CpuSeconds, long RssBytes)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Reads /proc/&lt;pid&gt;/stat and status.</summary>
    public static ProcStats Read(int pid)
    {
        // stat: "pid (comm) state ..." — the fields after the closing parenthesis are space-separated; utime and
        // stime are fields 14 and 15 (1-based), i.e. 11 and 12 after the state.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;

        long rss = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return new ProcStats(cpu, rss);
    }

    public static ProcStats operator -(ProcStats after, ProcStats before) =>
        new(after.CpuSeconds - before.CpuSeconds, after.RssBytes - before.RssBytes);
}
