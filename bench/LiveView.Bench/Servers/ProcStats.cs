using System.Globalization;

namespace LiveView.Bench.Servers;

/// <summary>One reading of a process's counters from /proc: CPU time, resident memory, bytes read and written.</summary>
public readonly record struct ProcStats(double CpuSeconds, long RssBytes, long ReadBytes, long WrittenBytes)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Reads /proc/&lt;pid&gt;/stat, status and io.</summary>
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

        long read = 0, written = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/io"))
        {
            var parts = line.Split(':', StringSplitOptions.TrimEntries);
            if (parts[0] == "rchar")
            {
                read = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
            else if (parts[0] == "wchar")
            {
                written = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        return new ProcStats(cpu, rss, read, written);
    }

    public static ProcStats operator -(ProcStats after, ProcStats before) =>
        new(after.CpuSeconds - before.CpuSeconds, after.RssBytes - before.RssBytes,
            after.ReadBytes - before.ReadBytes, after.WrittenBytes - before.WrittenBytes);
}
