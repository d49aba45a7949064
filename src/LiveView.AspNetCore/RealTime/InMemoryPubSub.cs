using System.Collections.Concurrent;

namespace LiveView.AspNetCore;

/// <summary>
/// The pub/sub of one node: audiences map to arrays of receivers, replaced on (rare) subscribe and unsubscribe and
/// read without a lock on (frequent) publish. A publish calls each receiver's <c>Receive</c>, which only queues.
/// </summary>
internal sealed class InMemoryPubSub : IPubSub
{
    private readonly ConcurrentDictionary<Audience, IMessageReceiver[]> audiences = new();
    private readonly Lock changing = new();

    public ValueTask PublishAsync(Audience audience, object message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(message);
        if (audiences.TryGetValue(audience, out var receivers))
        {
            foreach (var receiver in receivers)
            {
                receiver.Receive(message);
            }
        }

        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe(Audience audience, IMessageReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(receiver);
        lock (changing)
        {
            audiences[audience] = audiences.TryGetValue(audience, out var receivers) ? [.. receivers, receiver] : [receiver];
        }

        return new Release(() => Unsubscribe(audience, receiver));
    }

    private void Unsubscribe(Audience audience, IMessageReceiver receiver)
    {
        lock (changing)
        {
            if (!audiences.TryGetValue(audience, out var receivers))
            {
                return;
            }

            var left = Array.FindAll(receivers, r => !ReferenceEquals(r, receiver));
            if (left.Length == 0)
            {
                audiences.TryRemove(audience, out _);
            }
            else
            {
                audiences[audience] = left;
            }
        }
    }
}
