namespace LiveView.Redis.Tests;

/// <summary>Waits for what happens across nodes: polls a condition until a deadline, never a fixed sleep.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="what"/> past <paramref name="within"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWait);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {(within ?? DefaultWait).TotalSeconds} s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
