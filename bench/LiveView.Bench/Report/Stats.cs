namespace LiveView.Bench.Report;

/// <summary>Latency percentiles, in milliseconds, from a set of samples.</summary>
public sealed record Percentiles(double P50, double P90, double P99, double Max, int Count)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0);
        }

        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.90), At(0.99), sorted[^1], sorted.Length);
    }
}
