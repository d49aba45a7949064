using Microsoft.Extensions.Logging;

namespace LiveView.Redis;

/// <summary>
/// Other nodes' presences, as heard on the presence channel: each node's changes applied in version order, a node whose
/// version does not follow asked for its state, a node silent for <see cref="LiveViewRedisOptions.NodeTimeout"/> or
/// saying goodbye dropped with its presences. Not thread-safe: called under its owner's lock.
/// </summary>
internal sealed class PeerPresences(PresenceBoard board, LiveViewRedisOptions options, ILogger logger)
{
    private readonly Dictionary<string, Peer> peers = new(StringComparer.Ordinal);

    /// <summary>The nodes heard from and not dropped.</summary>
    public IReadOnlyCollection<string> Nodes => peers.Keys;

    /// <summary>
    /// Takes what node <c>wire.Node</c> said; true when this node should ask it for its state (it missed a change, or
    /// heard of the node only now).
    /// </summary>
    public bool Take(PresenceWire wire, DateTimeOffset now)
    {
        if (wire.Kind == PresenceWireKind.Bye)
        {
            Drop(wire.Node, "stopped");
            return false;
        }

        if (!peers.TryGetValue(wire.Node, out var peer))
        {
            // A node not heard of yet is taken as empty at version 0: right for one that just started; one that has
            // changed since tells it with a version that does not follow.
            peer = new Peer();
            peers[wire.Node] = peer;
        }

        peer.Heard = now;
        switch (wire.Kind)
        {
            case PresenceWireKind.Join or PresenceWireKind.Update or PresenceWireKind.Leave when wire.Version == peer.Version + 1:
                Apply(wire.Node, peer, wire);
                peer.Version = wire.Version;
                return false;
            case PresenceWireKind.Join or PresenceWireKind.Update or PresenceWireKind.Leave:
                return wire.Version > peer.Version && ShouldAsk(peer, now);
            case PresenceWireKind.Beat:
                return wire.Version != peer.Version && ShouldAsk(peer, now);
            case PresenceWireKind.State when wire.Version >= peer.Version:
                Replace(wire.Node, peer, wire.Entries ?? []);
                peer.Version = wire.Version;
                peer.Asked = null;
                return false;
            default:
                return false;
        }
    }

    /// <summary>Drops the nodes silent for longer than the node timeout.</summary>
    public void Sweep(DateTimeOffset now)
    {
        foreach (var (node, peer) in peers.Where(p => now - p.Value.Heard > options.NodeTimeout).ToList())
        {
            Drop(node, $"was silent for {(now - peer.Heard).TotalSeconds:0.0} s");
        }
    }

    /// <summary>Asks a node for its state at most once per heartbeat (the ask or the answer may be lost).</summary>
    private bool ShouldAsk(Peer peer, DateTimeOffset now)
    {
        if (peer.Asked is { } asked && now - asked < options.HeartbeatInterval)
        {
            return false;
        }

        peer.Asked = now;
        return true;
    }

    private void Apply(string node, Peer peer, PresenceWire wire)
    {
        var changes = new PresenceChanges();
        switch (wire.Kind)
        {
            case PresenceWireKind.Join:
                var joined = PresenceEntry.FromWire(node, wire.Entry);
                if (peer.Entries.TryAdd(joined.Id, joined))
                {
                    changes.Joined(joined);
                }

                break;
            case PresenceWireKind.Update:
                var updated = PresenceEntry.FromWire(node, wire.Entry);
                if (peer.Entries.TryGetValue(updated.Id, out var known))
                {
                    known.Current = updated.Current;
                    changes.Updated(known);
                }

                break;
            case PresenceWireKind.Leave:
                if (peer.Entries.Remove(wire.Id, out var left))
                {
                    changes.Left(left);
                }

                break;
        }

        changes.ApplyTo(board);
    }

    /// <summary>Replaces a node's presences by its state: who is new joins, who is gone leaves, a new meta updates.</summary>
    private void Replace(string node, Peer peer, IReadOnlyList<PresenceWireEntry> state)
    {
        var changes = new PresenceChanges();
        var now = state.Select(e => PresenceEntry.FromWire(node, e)).ToDictionary(e => e.Id);
        foreach (var (id, gone) in peer.Entries.Where(e => !now.ContainsKey(e.Key)).ToList())
        {
            peer.Entries.Remove(id);
            changes.Left(gone);
        }

        foreach (var entry in now.Values)
        {
            if (!peer.Entries.TryGetValue(entry.Id, out var known))
            {
                peer.Entries[entry.Id] = entry;
                changes.Joined(entry);
            }
            else if (!SameMeta(known.Current.Meta, entry.Current.Meta))
            {
                known.Current = entry.Current;
                changes.Updated(known);
            }
        }

        changes.ApplyTo(board);
    }

    private void Drop(string node, string why)
    {
        if (!peers.Remove(node, out var peer))
        {
            return;
        }

        var changes = new PresenceChanges();
        foreach (var entry in peer.Entries.Values)
        {
            changes.Left(entry);
        }

        changes.ApplyTo(board);
        Log.NodeLeft(logger, node, why, peer.Entries.Count);
    }

    private static bool SameMeta(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private sealed class Peer
    {
        public long Version { get; set; }

        public DateTimeOffset Heard { get; set; }

        public DateTimeOffset? Asked { get; set; }

        public Dictionary<long, PresenceEntry> Entries { get; } = [];
    }
}
