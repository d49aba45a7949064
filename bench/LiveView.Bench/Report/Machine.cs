using System.Runtime.InteropServices;

namespace LiveView.Bench.Report;

/// <summary>The machine a run happened on, for the report.</summary>
public sealed record Machine(string Cpu, int Cores, long MemoryBytes, string Os, string Kernel, string Runtime)
{
    public static Machine Current()
    {
        static string Find(string file, string prefix, char separator) =>
            File.Exists(file)
                ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Split(separator, 2)[1].Trim().Trim('"') ?? "unknown"
                : "unknown";

        var memoryKb = Find("/proc/meminfo", "MemTotal", ':').Split(' ')[0];
        return new Machine(
            Find("/proc/cpuinfo", "model name", ':'),
            Environment.ProcessorCount,
            long.TryParse(memoryKb, out var kb) ? kb * 1024 : 0,
            Find("/etc/os-release", "PRETTY_NAME", '='),
            File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription);
    }

    /// <summary>The machine's load averages now, over 1, 5 and 15 minutes (/proc/loadavg): how much other work shared its cores.</summary>
    public static double[] LoadAverages() =>
        File.Exists("/proc/loadavg")
            ? [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture))]
            : [];

    /// <summary>
    /// A sentence on <paramref name="loadAverages"/> (1, 5 and 15 minutes) read when <paramref name="what"/> began, saying
    /// when other work shared the cores (so that <paramref name="figures"/> are indicative only); empty without them.
    /// </summary>
    public string LoadNote(IReadOnlyList<double> loadAverages, string what, string figures)
    {
        if (loadAverages is not [var one, var five, var fifteen])
        {
            return "";
        }

        var quiet = 0.75 * Cores;
        return $"Load average when {what} began: {one:F2}, {five:F2}, {fifteen:F2} (1, 5 and 15 minutes)" +
               (one <= quiet ? "." : $", above the {quiet:F1} of a quiet machine with these cores: other work shared them, and {figures} are indicative only.");
    }

    /// <summary>The machine as a markdown table, the heading row <paramref name="heading"/>.</summary>
    public IEnumerable<string> Table(string heading = "| | |") =>
    [
        heading,
        "| --- | --- |",
        $"| CPU | {Cpu}, {Cores} cores |",
        $"| Memory | {MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB |",
        $"| OS | {Os}, Linux {Kernel} |",
        $"| .NET | {Runtime} |",
    ];
}
