using System.Text.Json;
using LiveView.AspNetCore;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LiveView.Redis;

/// <summary>
/// Presence shared by every node, with no store in Redis: each node keeps every node's presences (a replica) in the
/// same order, sends each change of its own at once on the presence channel, and a heartbeat with its version every
/// <see cref="LiveViewRedisOptions.HeartbeatInterval"/>; a node that missed a change (or started late) asks for the
/// state. A node silent for <see cref="LiveViewRedisOptions.NodeTimeout"/> is dropped, one stopping says goodbye.
/// Everything happens under one lock, so that every watcher on this node sees the changes in the same order.
/// </summary>
internal sealed class RedisPresence : IPresence, IAsyncDisposable, IDisposable
{
    private readonly Lock gate = new();
    private readonly PresenceBoard board = new();
    private readonly Dictionary<long, PresenceEntry> mine = [];
    private readonly RedisConnection connection;
    private readonly RedisChannels channels;
    private readonly AudienceChannels names;
    private readonly TimeProvider time;
    private readonly ILogger<RedisPresence> logger;
    private readonly PeerPresences peers;
    private readonly PresenceOutbox outbox;
    private long version;
    private long nextId;
    private (long Version, DateTimeOffset At)? stateSent;
    private bool stopped;

    public RedisPresence(RedisConnection connection, RedisChannels channels, AudienceChannels names, TimeProvider time, ILogger<RedisPresence> logger)
    {
        this.connection = connection;
        this.channels = channels;
        this.names = names;
        this.time = time;
        this.logger = logger;
        peers = new PeerPresences(board, connection.Options, logger);
        outbox = new PresenceOutbox(connection, names);
    }

    /// <summary>The other nodes this node hears from.</summary>
    public IReadOnlyCollection<string> Peers
    {
        get
        {
            lock (gate)
            {
                return [.. peers.Nodes];
            }
        }
    }

    public IReadOnlyList<Presence> List(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        lock (gate)
        {
            return board.List(topic);
        }
    }

    public ITrackedPresence Track(string topic, Presence presence)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(presence);
        lock (gate)
        {
            var entry = new PresenceEntry(connection.Node, ++nextId, topic, time.GetUtcNow().UtcTicks, presence);
            mine[entry.Id] = entry;
            new PresenceChanges().Joined(entry).ApplyTo(board);
            Changed(PresenceWireKind.Join, entry);
            return new Tracked(this, entry);
        }
    }

    public IDisposable Watch(string topic, IMessageReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(receiver);
        lock (gate)
        {
            board.Watch(topic, receiver);
        }

        return new Release(() =>
        {
            lock (gate)
            {
                board.Unwatch(topic, receiver);
            }
        });
    }

    /// <summary>Starts hearing the other nodes.</summary>
    public void Start() => channels.Listen(names.Presence, FromRedis);

    /// <summary>
    /// The heartbeat: tells the other nodes this one is alive and at which version, and drops those silent for too
    /// long.
    /// </summary>
    public void Beat()
    {
        lock (gate)
        {
            if (!stopped)
            {
                outbox.Post(new PresenceWire(PresenceWireKind.Beat, connection.Node, version));
            }

            peers.Sweep(time.GetUtcNow());
        }
    }

    /// <summary>Stops: says goodbye (the other nodes drop this one's presences at once) and sends what is queued.</summary>
    public async Task StopAsync()
    {
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
            outbox.Post(new PresenceWire(PresenceWireKind.Bye, connection.Node, version));
        }

        channels.Stop(names.Presence);
        await outbox.CompleteAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    /// <summary>A change of this node's presences: its version goes up, and the change goes to the other nodes.</summary>
    private void Changed(PresenceWireKind kind, PresenceEntry entry)
    {
        version++;
        if (!stopped)
        {
            outbox.Post(kind == PresenceWireKind.Leave
                ? new PresenceWire(kind, connection.Node, version) { Id = entry.Id }
                : new PresenceWire(kind, connection.Node, version) { Entry = entry.ToWire() });
        }
    }

    private void FromRedis(RedisChannel channel, RedisValue value)
    {
        try
        {
            var wire = JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)value).Span, PresenceJson.Default.PresenceWire);
            if (wire is null || string.IsNullOrEmpty(wire.Node) || wire.Node == connection.Node)
            {
                return;
            }

            lock (gate)
            {
                var now = time.GetUtcNow();
                if (wire.Kind == PresenceWireKind.Sync && wire.To == connection.Node)
                {
                    SendState(now);
                }

                if (peers.Take(wire, now) && !stopped)
                {
                    outbox.Post(new PresenceWire(PresenceWireKind.Sync, connection.Node, version) { To = wire.Node });
                }
            }
        }
        catch (Exception ex)
        {
            Log.Unreadable(logger, ex, channel.ToString());
        }
    }

    /// <summary>Sends this node's state, unless the same state went out less than a heartbeat ago (every node hears it).</summary>
    private void SendState(DateTimeOffset now)
    {
        if (stopped || (stateSent is { } sent && sent.Version == version && now - sent.At < connection.Options.HeartbeatInterval))
        {
            return;
        }

        stateSent = (version, now);
        outbox.Post(new PresenceWire(PresenceWireKind.State, connection.Node, version) { Entries = [.. mine.Values.Select(e => e.ToWire())] });
    }

    /// <summary>One presence of this node; told apart from equal ones by its id.</summary>
    private sealed class Tracked(RedisPresence owner, PresenceEntry entry) : ITrackedPresence
    {
        public void Update(IReadOnlyDictionary<string, string> meta)
        {
            ArgumentNullException.ThrowIfNull(meta);
            lock (owner.gate)
            {
                if (!owner.mine.ContainsKey(entry.Id))
                {
                    return;
                }

                entry.Current = new Presence(entry.Current.Key, meta);
                new PresenceChanges().Updated(entry).ApplyTo(owner.board);
                owner.Changed(PresenceWireKind.Update, entry);
            }
        }

        public void Dispose()
        {
            lock (owner.gate)
            {
                if (owner.mine.Remove(entry.Id))
                {
                    new PresenceChanges().Left(entry).ApplyTo(owner.board);
                    owner.Changed(PresenceWireKind.Leave, entry);
                }
            }
        }
    }
}
