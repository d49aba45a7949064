using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LiveView.Redis;

/// <summary>
/// The Redis channels this node listens to. Callers say what they want (<see cref="Listen"/>, <see cref="Stop"/>) and
/// return at once; one loop subscribes and unsubscribes in that order. Each channel's messages are handled one at a
/// time, in the order Redis delivered them. A subscription that failed (Redis unreachable) is made again when Redis is
/// back; those made before an outage are restored by the client library itself.
/// </summary>
internal sealed class RedisChannels : IAsyncDisposable, IDisposable
{
    private readonly RedisConnection connection;
    private readonly ILogger<RedisChannels> logger;
    private readonly Lock changing = new();
    private readonly Dictionary<RedisChannel, Action<RedisChannel, RedisValue>> wanted = [];
    private readonly HashSet<RedisChannel> failed = [];
    private readonly Dictionary<RedisChannel, ChannelMessageQueue> listening = [];
    private readonly Channel<RedisChannel> changes = Channel.CreateUnbounded<RedisChannel>(new() { SingleReader = true });
    private readonly Task loop;

    public RedisChannels(RedisConnection connection, ILogger<RedisChannels> logger)
    {
        this.connection = connection;
        this.logger = logger;
        connection.Connected += RetryFailed;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Starts handing <paramref name="channel"/>'s messages to <paramref name="handler"/>, one at a time.</summary>
    public void Listen(RedisChannel channel, Action<RedisChannel, RedisValue> handler)
    {
        lock (changing)
        {
            wanted[channel] = handler;
        }

        changes.Writer.TryWrite(channel);
    }

    /// <summary>Stops listening to <paramref name="channel"/>.</summary>
    public void Stop(RedisChannel channel)
    {
        lock (changing)
        {
            wanted.Remove(channel);
        }

        changes.Writer.TryWrite(channel);
    }

    /// <summary>Whether Redis delivers <paramref name="channel"/> to this node now.</summary>
    public bool IsListening(RedisChannel channel)
    {
        lock (changing)
        {
            return listening.ContainsKey(channel);
        }
    }

    /// <summary>Subscribes again to what could not be subscribed to (called when Redis is back, and on every heartbeat).</summary>
    public void RetryFailed()
    {
        RedisChannel[] retry;
        lock (changing)
        {
            retry = [.. failed];
            failed.Clear();
        }

        foreach (var channel in retry)
        {
            changes.Writer.TryWrite(channel);
        }
    }

    private async Task RunAsync()
    {
        await foreach (var channel in changes.Reader.ReadAllAsync())
        {
            await ReconcileAsync(channel);
        }
    }

    /// <summary>Makes Redis deliver <paramref name="channel"/> to this node if, and only if, it is wanted now.</summary>
    private async Task ReconcileAsync(RedisChannel channel)
    {
        Action<RedisChannel, RedisValue>? handler;
        ChannelMessageQueue? queue;
        lock (changing)
        {
            wanted.TryGetValue(channel, out handler);
            listening.TryGetValue(channel, out queue);
        }

        if (handler is not null && queue is null)
        {
            await SubscribeAsync(channel);
        }
        else if (handler is null && queue is not null)
        {
            lock (changing)
            {
                listening.Remove(channel);
            }

            await IgnoreFailureAsync(() => queue.UnsubscribeAsync());
        }
        else if (handler is null)
        {
            lock (changing)
            {
                failed.Remove(channel);
            }
        }
    }

    private async Task SubscribeAsync(RedisChannel channel)
    {
        if (!connection.TryGetSubscriber(out var subscriber))
        {
            Failed(channel);
            return;
        }

        try
        {
            var queue = await subscriber.SubscribeAsync(channel);
            queue.OnMessage(message => Deliver(channel, message));
            lock (changing)
            {
                listening[channel] = queue;
            }
        }
        catch (Exception ex)
        {
            Log.SubscribeFailed(logger, ex, channel.ToString());

            // The client library keeps a failed subscription and restores it with no reader; take it back.
            await IgnoreFailureAsync(() => subscriber.UnsubscribeAsync(channel));
            Failed(channel);
        }
    }

    /// <summary>Hands a message to the channel's handler, unless the channel is no longer wanted.</summary>
    private void Deliver(RedisChannel channel, ChannelMessage message)
    {
        Action<RedisChannel, RedisValue>? handler;
        lock (changing)
        {
            wanted.TryGetValue(channel, out handler);
        }

        handler?.Invoke(message.Channel, message.Message);
    }

    private void Failed(RedisChannel channel)
    {
        lock (changing)
        {
            failed.Add(channel);
        }
    }

    private static async Task IgnoreFailureAsync(Func<Task> unsubscribe)
    {
        try
        {
            await unsubscribe();
        }
        catch (Exception)
        {
            // Unreachable Redis: the client library has forgotten the subscription already, and the server has
            // forgotten it with the connection.
        }
    }

    public async ValueTask DisposeAsync()
    {
        connection.Connected -= RetryFailed;
        changes.Writer.TryComplete();
        await loop;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
