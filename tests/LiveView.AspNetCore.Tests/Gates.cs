using System.Collections.Concurrent;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// Named gates that test pages' effects wait at, and that tests open: effects end exactly when a test says, so
/// tests check the order of frames without sleeping.
/// </summary>
public sealed class Gates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new();
    private readonly ConcurrentDictionary<string, int> passed = new();
    private readonly ConcurrentDictionary<string, int> waiting = new();
    private int running;
    private int mostRunning;

    private TaskCompletionSource Gate(string name) =>
        gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Waits until the gate <paramref name="name"/> opens (or <paramref name="cancel"/> fires), then counts a pass.</summary>
    public async Task PassAsync(string name, CancellationToken cancel)
    {
        waiting.AddOrUpdate(name, 1, (_, n) => n + 1);
        var now = Interlocked.Increment(ref running);
        InterlockedMax(ref mostRunning, now);
        try
        {
            // Work that honours its token stops even when the gate is open already (WaitAsync would not look), and
            // when it wakes: a token is cancelled at once, its callbacks (WaitAsync's among them) run a little later.
            cancel.ThrowIfCancellationRequested();
            await Gate(name).Task.WaitAsync(cancel);
            cancel.ThrowIfCancellationRequested();
            passed.AddOrUpdate(name, 1, (_, n) => n + 1);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    /// <summary>Opens the gate: every effect waiting there, and every later one, goes through.</summary>
    public void Open(string name) => Gate(name).TrySetResult();

    /// <summary>How many effects went through the gate.</summary>
    public int Passed(string name) => passed.GetValueOrDefault(name);

    /// <summary>How many effects came to the gate (went through or not).</summary>
    public int Arrived(string name) => waiting.GetValueOrDefault(name);

    /// <summary>The most effects that were waiting at any gate at once.</summary>
    public int MostWaitingAtOnce => Volatile.Read(ref mostRunning);

    /// <summary>Waits (up to 10 s) until <paramref name="done"/> holds.</summary>
    public static async Task UntilAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 10 s for: {what}.");
            }

            await Task.Delay(10);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
