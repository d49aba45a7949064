using System.Collections.Concurrent;

namespace LiveView.Redis.Tests;

/// <summary>A receiver that keeps what it gets, as a connection's queue would.</summary>
public sealed class Inbox : IMessageReceiver
{
    private readonly ConcurrentQueue<object> messages = new();

    public IReadOnlyList<object> Messages => [.. messages];

    public void Receive(object message) => messages.Enqueue(message);

    public IReadOnlyList<T> Of<T>() => [.. messages.OfType<T>()];

    /// <summary>Waits until <paramref name="count"/> messages of type <typeparamref name="T"/> arrived, and returns them all.</summary>
    public async Task<IReadOnlyList<T>> UntilAsync<T>(int count, TimeSpan? within = null)
    {
        await Eventually.TrueAsync(() => Of<T>().Count >= count, $"{count} {typeof(T).Name} messages (got {Of<T>().Count})", within);
        return Of<T>();
    }
}
