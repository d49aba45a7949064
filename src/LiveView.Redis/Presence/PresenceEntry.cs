using System.Text.Json;

namespace LiveView.Redis;

/// <summary>
/// One presence in a topic as every node knows it: the node that made it, its id there, and when it joined. Lists are
/// ordered by join time, then node, then id: an order every node computes alike from what travels.
/// </summary>
internal sealed class PresenceEntry(string node, long id, string topic, long joined, Presence current)
{
    /// <summary>Orders entries as the lists show them.</summary>
    public static readonly IComparer<PresenceEntry> ByJoin = Comparer<PresenceEntry>.Create((a, b) =>
    {
        var order = a.Joined.CompareTo(b.Joined);
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Node, b.Node);
        }

        return order != 0 ? order : a.Id.CompareTo(b.Id);
    });

    public string Node { get; } = node;

    public long Id { get; } = id;

    public string Topic { get; } = topic;

    /// <summary>When it joined, in UTC ticks of its node's clock.</summary>
    public long Joined { get; } = joined;

    /// <summary>What it is present as now (a new value on each update).</summary>
    public Presence Current { get; set; } = current;

    public PresenceWireEntry ToWire() => new(Id, Topic, Current.Key, new Dictionary<string, string>(Current.Meta), Joined);

    /// <summary>An entry of node <paramref name="node"/> read from the presence channel; throws when incomplete.</summary>
    public static PresenceEntry FromWire(string node, PresenceWireEntry? entry) =>
        entry is { Topic.Length: > 0, Key: not null, Meta: not null }
            ? new(node, entry.Id, entry.Topic, entry.Joined, new Presence(entry.Key, entry.Meta))
            : throw new JsonException($"An incomplete presence from node {node}.");
}
