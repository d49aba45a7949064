using System.Text.Json;
using System.Threading.Channels;
using StackExchange.Redis;

namespace LiveView.Redis;

/// <summary>
/// What this node says on the presence channel, sent in the order it was said by one loop that never waits for Redis:
/// while Redis is unreachable it is dropped (the heartbeats that follow tell the other nodes they missed something).
/// </summary>
internal sealed class PresenceOutbox
{
    private readonly RedisConnection connection;
    private readonly RedisChannel channel;
    private readonly Channel<PresenceWire> queue = Channel.CreateUnbounded<PresenceWire>(new() { SingleReader = true });
    private readonly Task loop;

    public PresenceOutbox(RedisConnection connection, AudienceChannels names)
    {
        this.connection = connection;
        channel = names.Presence;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="wire"/>; returns at once.</summary>
    public void Post(PresenceWire wire) => queue.Writer.TryWrite(wire);

    /// <summary>Sends what is queued, then stops.</summary>
    public async Task CompleteAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        await foreach (var wire in queue.Reader.ReadAllAsync())
        {
            if (!connection.TryGetSubscriber(out var subscriber))
            {
                continue;
            }

            try
            {
                subscriber.Publish(channel, JsonSerializer.SerializeToUtf8Bytes(wire, PresenceJson.Default.PresenceWire), CommandFlags.FireAndForget);
            }
            catch (Exception ex)
            {
                connection.SendFailed(ex);
            }
        }
    }
}
