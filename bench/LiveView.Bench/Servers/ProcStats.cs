using System.Globalization;

namespace LiveView.Bench.Servers;

/// <summary>One reading of a process's counters from /proc: CPU time and resident memory.</summary>
/// <param name="CpuSeconds">User and system CPU time.</param>
/// <param name="RssBytes">Resident set (VmRSS): anonymous memory and the pages of mapped files (the code) in memory.</param>
/// <param name="AnonymousBytes">
/// Resident anonymous memory (RssAnon): what the process allocated (the GC's heap, native allocations, thread stacks),
/// without the pages of its mapped files, which are shared and come in as code first runs, not with what it holds.
/// </param>
public readonly record struct ProcStats(double CpuSeconds, long RssBytes, long AnonymousBytes)
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

        long rss = 0, anonymous = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anonymous = Kilobytes(line);
            }
        }

        return new ProcStats(cpu, rss, anonymous);
    }

    /// <summary>The bytes of a status line such as <c>VmRSS:   1234 kB</c>.</summary>
    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', '\t').Where(part => part.Length > 0).ElementAt(1), CultureInfo.InvariantCulture) * 1024;

    public static ProcStats operator -(ProcStats after, ProcStats before) =>
        new(after.CpuSeconds - before.CpuSeconds, after.RssBytes - before.RssBytes, after.AnonymousBytes - before.AnonymousBytes);
}
