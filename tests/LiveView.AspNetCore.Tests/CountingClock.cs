namespace LiveView.AspNetCore.Tests;

/// <summary>
/// The system clock, counting its readings. A connection's loop reads the clock once for each input it steps, so
/// a test can wait until the loop has taken an input (an effect's end) before it checks what followed.
/// </summary>
public sealed class CountingClock : TimeProvider
{
    private int readings;

    /// <summary>How many times the clock was read.</summary>
    public int Readings => Volatile.Read(ref readings);

    public override DateTimeOffset GetUtcNow()
    {
        Interlocked.Increment(ref readings);
        return base.GetUtcNow();
    }
}
