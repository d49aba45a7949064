using LiveView.AspNetCore;

namespace LiveView.Redis;

/// <summary>
/// The presence lists of every topic on this node, this node's presences and other nodes' alike, each in join order,
/// and the receivers watching them. Not thread-safe: its owner calls it under one lock, so that every watcher sees the
/// changes in the same order (delivering only queues).
/// </summary>
internal sealed class PresenceBoard
{
    private static readonly Presence[] None = [];

    private readonly Dictionary<string, Topic> topics = new(StringComparer.Ordinal);

    /// <summary>Everyone present in <paramref name="topic"/>, in join order.</summary>
    public IReadOnlyList<Presence> List(string topic) => topics.TryGetValue(topic, out var entry) ? entry.Present() : None;

    /// <summary>Starts telling <paramref name="receiver"/> of <paramref name="topic"/>'s changes, after everyone present as joined.</summary>
    public void Watch(string topic, IMessageReceiver receiver)
    {
        var entry = Get(topic);
        entry.Watchers.Add(receiver);
        var present = entry.Present();
        receiver.Receive(new PresenceChanged(topic, present, present, None, None));
    }

    /// <summary>Stops telling <paramref name="receiver"/>.</summary>
    public void Unwatch(string topic, IMessageReceiver receiver)
    {
        if (topics.TryGetValue(topic, out var entry))
        {
            entry.Watchers.Remove(receiver);
            ForgetIfEmpty(topic, entry);
        }
    }

    /// <summary>Applies one topic's change and tells its watchers, as one <see cref="PresenceChanged"/>.</summary>
    public void Change(string topic, List<PresenceEntry> joined, List<PresenceEntry> left, List<PresenceEntry> updated)
    {
        var entry = Get(topic);
        foreach (var gone in left)
        {
            var index = entry.Entries.BinarySearch(gone, PresenceEntry.ByJoin);
            if (index >= 0)
            {
                entry.Entries.RemoveAt(index);
            }
        }

        foreach (var come in joined)
        {
            var index = entry.Entries.BinarySearch(come, PresenceEntry.ByJoin);
            if (index < 0)
            {
                entry.Entries.Insert(~index, come);
            }
        }

        if (entry.Watchers.Count > 0)
        {
            var changed = new PresenceChanged(topic, entry.Present(), Presences(joined), Presences(left), Presences(updated));
            foreach (var watcher in entry.Watchers)
            {
                watcher.Receive(changed);
            }
        }

        ForgetIfEmpty(topic, entry);
    }

    private static Presence[] Presences(List<PresenceEntry> entries) => entries.Count == 0 ? None : [.. entries.Select(e => e.Current)];

    private Topic Get(string topic)
    {
        if (!topics.TryGetValue(topic, out var entry))
        {
            entry = new Topic();
            topics[topic] = entry;
        }

        return entry;
    }

    private void ForgetIfEmpty(string topic, Topic entry)
    {
        if (entry.Entries.Count == 0 && entry.Watchers.Count == 0)
        {
            topics.Remove(topic);
        }
    }

    private sealed class Topic
    {
        public List<PresenceEntry> Entries { get; } = [];

        public List<IMessageReceiver> Watchers { get; } = [];

        public Presence[] Present() => Entries.Count == 0 ? None : [.. Entries.Select(e => e.Current)];
    }
}
