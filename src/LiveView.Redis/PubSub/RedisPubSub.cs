using System.Collections.Concurrent;
using LiveView.AspNetCore;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LiveView.Redis;

/// <summary>
/// The pub/sub across nodes. A publish reaches this node's receivers at once (in memory, Redis or not) and goes to the
/// audience's Redis channel; each node listens to an audience's channel only while it has receivers for it, hands
/// what other nodes sent to them, and ignores what it sent itself. Messages from one node to one audience arrive in
/// the order they were sent. While Redis is unreachable, what would go to other nodes is dropped (and counted).
/// </summary>
internal sealed class RedisPubSub(
    RedisConnection connection, RedisChannels channels, AudienceChannels names, MessageCodec codec, ILogger<RedisPubSub> logger)
    : IPubSub
{
    private readonly InMemoryPubSub local = new();
    private readonly Lock changing = new();
    private readonly Dictionary<Audience, int> receivers = [];
    private readonly ConcurrentDictionary<Type, bool> unwritable = new();

    public ValueTask PublishAsync(Audience audience, object message, CancellationToken cancellationToken = default)
    {
        var delivered = local.PublishAsync(audience, message, cancellationToken);
        if (!connection.TryGetSubscriber(out var subscriber))
        {
            connection.Dropped();
            return delivered;
        }

        byte[] written;
        try
        {
            written = codec.Encode(message);
        }
        catch (Exception ex)
        {
            if (unwritable.TryAdd(message.GetType(), true))
            {
                Log.NotSerializable(logger, ex, message.GetType().FullName ?? message.GetType().Name);
            }

            return delivered;
        }

        try
        {
            // Fire and forget keeps the order of sends and never waits for Redis.
            subscriber.Publish(names.Of(audience), written, CommandFlags.FireAndForget);
        }
        catch (Exception ex)
        {
            connection.Failed(ex);
        }

        return delivered;
    }

    public IDisposable Subscribe(Audience audience, IMessageReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var subscription = local.Subscribe(audience, receiver);
        lock (changing)
        {
            var count = receivers.GetValueOrDefault(audience) + 1;
            receivers[audience] = count;
            if (count == 1)
            {
                channels.Listen(names.Of(audience), (channel, value) => FromRedis(audience, channel, value));
            }
        }

        return new Release(() =>
        {
            subscription.Dispose();
            lock (changing)
            {
                var count = receivers[audience] - 1;
                if (count > 0)
                {
                    receivers[audience] = count;
                }
                else
                {
                    receivers.Remove(audience);
                    channels.Stop(names.Of(audience));
                }
            }
        });
    }

    /// <summary>Delivers what another node sent to <paramref name="audience"/> to this node's receivers.</summary>
    private void FromRedis(Audience audience, RedisChannel channel, RedisValue value)
    {
        try
        {
            switch (codec.Decode(((ReadOnlyMemory<byte>)value).Span, out var message, out var type, out var firstRefusal))
            {
                case MessageCodec.Outcome.Message:
                    local.PublishAsync(audience, message!);
                    break;
                case MessageCodec.Outcome.Refused when firstRefusal:
                    Log.Refused(logger, type);
                    break;
                case MessageCodec.Outcome.Refused:
                    Log.RefusedAgain(logger, type);
                    break;
            }
        }
        catch (Exception ex)
        {
            Log.Unreadable(logger, ex, channel.ToString());
        }
    }
}
