using System.Text.Json.Serialization;

namespace LiveView.Redis;

/// <summary>What a node says on the presence channel.</summary>
internal enum PresenceWireKind
{
    /// <summary>One of its presences joined a topic (<see cref="PresenceWire.Entry"/>).</summary>
    Join,

    /// <summary>One of its presences has a new meta (<see cref="PresenceWire.Entry"/>).</summary>
    Update,

    /// <summary>One of its presences left (<see cref="PresenceWire.Id"/>).</summary>
    Leave,

    /// <summary>It is alive, at <see cref="PresenceWire.Version"/>.</summary>
    Beat,

    /// <summary>All its presences (<see cref="PresenceWire.Entries"/>), at <see cref="PresenceWire.Version"/>.</summary>
    State,

    /// <summary>It asks node <see cref="PresenceWire.To"/> for its state.</summary>
    Sync,

    /// <summary>It stops: its presences leave.</summary>
    Bye,
}

/// <summary>
/// One message on the presence channel, from node <see cref="Node"/>. Each change of a node's presences (join, update,
/// leave) increments its <see cref="Version"/>; a node that sees a version it did not expect asks for the state.
/// </summary>
internal sealed record PresenceWire(PresenceWireKind Kind, string Node, long Version)
{
    /// <summary>The presence that joined or changed.</summary>
    public PresenceWireEntry? Entry { get; init; }

    /// <summary>The id of the presence that left.</summary>
    public long Id { get; init; }

    /// <summary>Every presence of the node (a state).</summary>
    public IReadOnlyList<PresenceWireEntry>? Entries { get; init; }

    /// <summary>The node asked for its state (a sync).</summary>
    public string? To { get; init; }
}

/// <summary>One presence as it travels: its id on its node, topic, key, meta, and when it joined (UTC ticks).</summary>
internal sealed record PresenceWireEntry(long Id, string Topic, string Key, IReadOnlyDictionary<string, string> Meta, long Joined);

/// <summary>The presence channel's JSON, generated at compile time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(PresenceWire))]
internal sealed partial class PresenceJson : JsonSerializerContext;
