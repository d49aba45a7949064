using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace LiveView.AspNetCore;

/// <summary>
/// The sockets open on this server, for the instruments read when a listener collects (<c>liveview.connections.open</c>,
/// <c>liveview.mailbox.depth</c>) and for the health check. A connection is added when its loop starts and removed
/// when it ends: once per socket, never per message.
/// </summary>
internal sealed class OpenConnections
{
    private readonly ConcurrentDictionary<LiveConnection, byte> open = new();

    /// <summary>How many sockets are open.</summary>
    public int Count => open.Count;

    /// <summary>A connection's loop started.</summary>
    public void Add(LiveConnection connection) => open.TryAdd(connection, 0);

    /// <summary>A connection's loop ended.</summary>
    public void Remove(LiveConnection connection) => open.TryRemove(connection, out _);

    /// <summary>The messages waiting for the open connections' loops, all together.</summary>
    public Measurement<long> Waiting()
    {
        var waiting = 0L;
        foreach (var connection in open.Keys)
        {
            waiting += connection.Waiting;
        }

        return new Measurement<long>(waiting);
    }
}
