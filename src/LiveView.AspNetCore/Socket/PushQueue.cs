using System.Collections.Concurrent;
using System.Threading.Channels;

namespace LiveView.AspNetCore;

/// <summary>A message for a connection's page from outside its loop: pub/sub, presence, a timer.</summary>
/// <param name="Owner">The page instance whose subscription it came through (0: the connection's, for the live page).</param>
/// <param name="Source">Where it came from, for origins and logs (<c>topic room:1</c>).</param>
/// <param name="Message">The message.</param>
/// <param name="Via">The subscription it came through (null: the connection's own audiences).</param>
/// <param name="Timer">The timer that ticked, when it is a tick.</param>
internal readonly record struct Pushed(long Owner, string Source, object Message, Subscription? Via, ConnectionTimer? Timer);

/// <summary>
/// The messages waiting for one connection's loop, bounded by <see cref="LiveViewOptions.MaxQueuedMessages"/>. Adding
/// never blocks and never runs the loop on the sender's thread: the first message of a burst queues one wake-up on
/// the thread pool, which posts <see cref="Inbound.Pushed"/> to the mailbox, and the loop drains a batch per wake-up.
/// A connection that falls too far behind is marked overflowed: what comes next is dropped and the loop closes it.
/// </summary>
internal sealed class PushQueue(int capacity, ChannelWriter<Inbound> mailbox, CancellationToken lifetime) : IThreadPoolWorkItem
{
    // Made by the first message: an idle page that is never sent anything does not pay for a queue's first segment.
    private ConcurrentQueue<Pushed>? items;
    private int count;
    private int scheduled;
    private volatile bool overflowed;

    /// <summary>How many messages the loop takes per wake-up before it looks at its mailbox again.</summary>
    public const int Batch = 32;

    /// <summary>True once more than the capacity was queued: the connection must close.</summary>
    public bool Overflowed => overflowed;

    /// <summary>How many messages wait.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Queues <paramref name="item"/>; false (and dropped) when the connection fell too far behind.</summary>
    public bool TryAdd(Pushed item)
    {
        if (overflowed)
        {
            return false;
        }

        if (Interlocked.Increment(ref count) > capacity)
        {
            Interlocked.Decrement(ref count);
            overflowed = true;
            Wake();
            return false;
        }

        Items().Enqueue(item);
        Wake();
        return true;
    }

    /// <summary>The loop takes the next message.</summary>
    public bool TryTake(out Pushed item)
    {
        if (items is not null && items.TryDequeue(out item))
        {
            Interlocked.Decrement(ref count);
            return true;
        }

        item = default;
        return false;
    }

    /// <summary>The loop is done with this wake-up: the next message wakes it again (at once if some wait).</summary>
    public void Drained()
    {
        Volatile.Write(ref scheduled, 0);
        if (items is { IsEmpty: false } || overflowed)
        {
            Wake();
        }
    }

    private ConcurrentQueue<Pushed> Items() =>
        Volatile.Read(ref items) ?? Interlocked.CompareExchange(ref items, new(), null) ?? items!;

    private void Wake()
    {
        if (Interlocked.Exchange(ref scheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        if (!mailbox.TryWrite(Inbound.Pushed.Instance))
        {
            _ = WakeWhenRoomAsync();
        }
    }

    private async Task WakeWhenRoomAsync()
    {
        try
        {
            await mailbox.WriteAsync(Inbound.Pushed.Instance, lifetime);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // The connection is gone.
        }
    }
}

/// <summary>Delivers what a pub/sub or presence subscription receives to a connection's queue.</summary>
internal sealed class Delivery(PushQueue queue, long owner, string source, Subscription? via = null) : IMessageReceiver
{
    public void Receive(object message) => queue.TryAdd(new Pushed(owner, source, message, via, null));
}
