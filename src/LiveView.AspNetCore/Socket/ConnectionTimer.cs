namespace LiveView.AspNetCore;

/// <summary>
/// A page's timer (<c>Subscription.Every</c>, <c>Subscription.After</c>) on one connection: each tick queues its
/// message, unless the previous tick is still queued (a slow page skips ticks instead of piling them up).
/// </summary>
internal sealed class ConnectionTimer : IDisposable
{
    private readonly PushQueue queue;
    private readonly long owner;
    private readonly object message;
    private readonly ITimer timer;
    private readonly Subscription subscription;
    private int queued;

    public ConnectionTimer(TimeProvider time, PushQueue queue, long owner, Subscription.Timer subscription)
    {
        var (name, due, repeat, message) = (subscription.Name, subscription.Due, subscription.Repeat, subscription.Message);
        this.subscription = subscription;
        this.queue = queue;
        this.owner = owner;
        this.message = message;
        Name = name;
        timer = time.CreateTimer(static state => ((ConnectionTimer)state!).Tick(), this, due, repeat ? due : Timeout.InfiniteTimeSpan);
    }

    /// <summary>The timer's name.</summary>
    public string Name { get; }

    /// <summary>The loop took the tick: the next one may be queued.</summary>
    public void Taken() => Volatile.Write(ref queued, 0);

    public void Dispose() => timer.Dispose();

    private void Tick()
    {
        if (Interlocked.Exchange(ref queued, 1) == 0 && !queue.TryAdd(new Pushed(owner, Name, message, subscription, this)))
        {
            Volatile.Write(ref queued, 0);
        }
    }
}
