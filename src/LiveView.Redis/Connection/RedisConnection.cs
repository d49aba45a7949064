using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveView.Redis;

/// <summary>
/// This node's connection to Redis: one multiplexer, connected in the background (a node starts and serves its own
/// pages while Redis is unreachable), its outages logged once each, and what was not sent meanwhile counted.
/// </summary>
internal sealed class RedisConnection(IOptions<LiveViewRedisOptions> options, TimeProvider time, ILogger<RedisConnection> logger)
    : IAsyncDisposable, IDisposable
{
    private readonly Lock changing = new();
    private volatile ConnectionMultiplexer? multiplexer;
    private volatile ISubscriber? subscriber;
    private Task? connecting;
    private bool abandoned;
    private DateTimeOffset? downSince;
    private bool loggedDown;
    private string? failure;
    private long dropped;

    /// <summary>This node's id: it names the node in everything it sends, so that it can ignore its own messages.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The backplane's settings.</summary>
    public LiveViewRedisOptions Options { get; } = options.Value;

    /// <summary>Raised whenever a connection to Redis is made or made again: what could not be done meanwhile is retried.</summary>
    public event Action? Connected;

    /// <summary>Whether messages can be sent to other nodes now.</summary>
    public bool IsConnected => multiplexer is { IsConnected: true } && !Volatile.Read(ref abandoned);

    /// <summary>Since when Redis is unreachable and why (null while connected).</summary>
    public (DateTimeOffset Since, string Reason)? Outage
    {
        get
        {
            lock (changing)
            {
                return downSince is { } since ? (since, failure ?? "not connected yet") : null;
            }
        }
    }

    /// <summary>The subscriber to publish and subscribe with, while connected.</summary>
    public bool TryGetSubscriber([MaybeNullWhen(false)] out ISubscriber subscriber)
    {
        subscriber = this.subscriber;
        return subscriber is not null && IsConnected;
    }

    /// <summary>Starts connecting, in the background; returns at once.</summary>
    public void Start()
    {
        lock (changing)
        {
            downSince ??= time.GetUtcNow();
            connecting ??= Task.Run(ConnectAsync);
        }
    }

    /// <summary>Counts one message not sent to other nodes because Redis was unreachable (reported when it is back).</summary>
    public void Dropped() => Interlocked.Increment(ref dropped);

    /// <summary>A send failed: counted as not sent; whether Redis is down, the multiplexer's own events tell.</summary>
    public void Failed(Exception exception)
    {
        Dropped();
        SendFailed(exception);
    }

    /// <summary>A send failed (logged at Debug: the outage itself is logged once, as the multiplexer reports it).</summary>
    public void SendFailed(Exception exception) => Log.SendFailed(logger, exception);

    /// <summary>
    /// For tests: the node dies. Nothing more is sent (no goodbye, no heartbeat) and the connection is dropped without
    /// any cleanup, as when a server loses its power.
    /// </summary>
    internal void Abandon()
    {
        Volatile.Write(ref abandoned, true);
        multiplexer?.Dispose();
    }

    private async Task ConnectAsync()
    {
        ConnectionMultiplexer connected;
        try
        {
            connected = await ConnectionMultiplexer.ConnectAsync(Options.ToConfiguration());
        }
        catch (Exception ex)
        {
            // AbortOnConnectFail is off, so an unreachable server does not throw: this is a configuration the client
            // library refuses. The node goes on alone.
            Log.CannotConnect(logger, ex);
            lock (changing)
            {
                failure = ex.Message;
            }

            return;
        }

        connected.ConnectionFailed += (_, e) => Down($"{e.ConnectionType} connection: {e.FailureType}", e.Exception);
        connected.ConnectionRestored += (_, _) => Up();
        subscriber = connected.GetSubscriber();
        multiplexer = connected;
        if (connected.IsConnected)
        {
            Up();
        }
        else
        {
            Down("not reachable", null);
        }
    }

    /// <summary>A connection failed: logged once per outage, however many connections and sends fail in it.</summary>
    private void Down(string reason, Exception? exception)
    {
        lock (changing)
        {
            failure = reason;
            downSince ??= time.GetUtcNow();
            if (loggedDown)
            {
                return;
            }

            loggedDown = true;
        }

        if (!Volatile.Read(ref abandoned))
        {
            Log.BackplaneDown(logger, exception, reason, Options.NodeTimeout.TotalSeconds);
        }
    }

    /// <summary>A connection is back: the end of an outage is logged with what it cost; what failed is retried.</summary>
    private void Up()
    {
        if (!IsConnected)
        {
            return; // one of the connections is back, not every one
        }

        DateTimeOffset? since;
        bool outage;
        lock (changing)
        {
            since = downSince;
            outage = loggedDown;
            downSince = null;
            failure = null;
            loggedDown = false;
        }

        var notSent = since is null ? 0 : Interlocked.Exchange(ref dropped, 0);
        if (since is { } start && outage)
        {
            Log.BackplaneUp(logger, (time.GetUtcNow() - start).TotalSeconds, notSent);
        }
        else if (since is not null)
        {
            Log.BackplaneConnected(logger, Node);
        }

        Connected?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        if (connecting is { } started)
        {
            await started;
        }

        if (multiplexer is { } connected && !Volatile.Read(ref abandoned))
        {
            // Lets what was sent last (a stopping node's goodbye) reach Redis.
            await connected.CloseAsync(allowCommandsToComplete: true);
            await connected.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
