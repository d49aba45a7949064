using System.Diagnostics;

namespace LiveView.Bench.FanOut;

/// <summary>When each of N clients received one broadcast: the first arrival per client counts.</summary>
public sealed class Delivery
{
    private readonly long[] arrivals;
    private readonly TaskCompletionSource everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int missing;
    private int duplicates;

    public Delivery(int clients)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        arrivals = new long[clients];
        missing = clients;
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the broadcast was triggered.</summary>
    public long Triggered { get; private set; }

    /// <summary>Clients that have not received it yet.</summary>
    public int Missing => Volatile.Read(ref missing);

    /// <summary>Times a client received it again (a broadcast must reach each client once).</summary>
    public int Duplicates => Volatile.Read(ref duplicates);

    /// <summary>Completes when every client has received it.</summary>
    public Task Everyone => everyone.Task;

    /// <summary>Notes the moment the broadcast is triggered (just before the request that triggers it).</summary>
    public void Trigger() => Triggered = Stopwatch.GetTimestamp();

    /// <summary>Client <paramref name="client"/> received it at <paramref name="timestamp"/>.</summary>
    public void Arrive(int client, long timestamp)
    {
        if (Interlocked.CompareExchange(ref arrivals[client], timestamp, 0) != 0)
        {
            Interlocked.Increment(ref duplicates);
            return;
        }

        if (Interlocked.Decrement(ref missing) == 0)
        {
            everyone.TrySetResult();
        }
    }

    /// <summary>Milliseconds from the trigger until the last client had it (meaningful once <see cref="Everyone"/> is done).</summary>
    public double LastMilliseconds => Milliseconds(arrivals.Max());

    /// <summary>Milliseconds from the trigger until half the clients had it.</summary>
    public double HalfMilliseconds
    {
        get
        {
            var sorted = arrivals.Order().ToArray();
            return Milliseconds(sorted[(sorted.Length - 1) / 2]);
        }
    }

    private double Milliseconds(long timestamp) => Stopwatch.GetElapsedTime(Triggered, timestamp).TotalMilliseconds;
}
