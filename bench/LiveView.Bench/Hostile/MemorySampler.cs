using System.Diagnostics;
using System.Globalization;
using LiveView.Bench.Servers;

namespace LiveView.Bench.Hostile;

/// <summary>One reading of the server process.</summary>
/// <param name="Seconds">Since the sampler started.</param>
/// <param name="Rss">Resident set, bytes.</param>
/// <param name="CpuSeconds">CPU time used so far (user + system).</param>
/// <param name="Threads">OS threads.</param>
public readonly record struct ProcessSample(double Seconds, long Rss, double CpuSeconds, int Threads);

/// <summary>Reads the server's RSS, CPU time and thread count from /proc at a fixed interval, in the background.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly int pid;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly List<ProcessSample> samples = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private MemorySampler(int pid, TimeSpan interval)
    {
        this.pid = pid;
        Sample();
        loop = Task.Run(() => RunAsync(interval));
    }

    /// <summary>Starts sampling process <paramref name="pid"/> every <paramref name="interval"/>.</summary>
    public static MemorySampler Start(int pid, TimeSpan interval) => new(pid, interval);

    /// <summary>Seconds since the sampler started: marks the phases of a scenario on its timeline.</summary>
    public double Now => Stopwatch.GetElapsedTime(started).TotalSeconds;

    /// <summary>The latest reading.</summary>
    public ProcessSample Latest
    {
        get
        {
            lock (gate)
            {
                return samples.Count == 0 ? default : samples[^1];
            }
        }
    }

    /// <summary>Every reading so far.</summary>
    public ProcessSample[] Samples()
    {
        lock (gate)
        {
            return [.. samples];
        }
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                if (!Sample())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>Takes one reading; false once the process is gone.</summary>
    private bool Sample()
    {
        try
        {
            var stats = ProcStats.Read(pid);
            var sample = new ProcessSample(Now, stats.RssBytes, stats.CpuSeconds, Threads());
            lock (gate)
            {
                samples.Add(sample);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return false;
        }
    }

    private int Threads()
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                return int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
