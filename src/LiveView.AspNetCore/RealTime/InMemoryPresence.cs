using System.Collections.Concurrent;

namespace LiveView.AspNetCore;

/// <summary>
/// The presence of one node. Each topic's changes are made and delivered under the topic's lock, so every watcher
/// sees them in the same order (delivering only queues).
/// </summary>
internal sealed class InMemoryPresence : IPresence
{
    private static readonly Presence[] None = [];

    private readonly ConcurrentDictionary<string, Topic> topics = new();

    public IReadOnlyList<Presence> List(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (!topics.TryGetValue(topic, out var entry))
        {
            return None;
        }

        lock (entry)
        {
            return [.. entry.Present];
        }
    }

    public ITrackedPresence Track(string topic, Presence presence)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(presence);
        Change(topic, entry =>
        {
            entry.Present.Add(presence);
            return new PresenceChanged(topic, [.. entry.Present], [presence], None, None);
        });
        return new Tracked(this, topic, presence);
    }

    public IDisposable Watch(string topic, IMessageReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(receiver);
        while (true)
        {
            var entry = topics.GetOrAdd(topic, _ => new Topic());
            lock (entry)
            {
                if (entry.Gone)
                {
                    continue; // emptied and removed meanwhile: take the topic's new entry
                }

                entry.Watchers.Add(receiver);
                Presence[] present = [.. entry.Present];
                receiver.Receive(new PresenceChanged(topic, present, present, None, None));
            }

            return new Release(() => Change(topic, entry =>
            {
                entry.Watchers.Remove(receiver);
                return null;
            }));
        }
    }

    /// <summary>Changes a topic under its lock and tells its watchers; a topic left empty is removed.</summary>
    private void Change(string topic, Func<Topic, PresenceChanged?> change)
    {
        while (true)
        {
            var entry = topics.GetOrAdd(topic, _ => new Topic());
            lock (entry)
            {
                if (entry.Gone)
                {
                    continue;
                }

                if (change(entry) is { } changed)
                {
                    foreach (var watcher in entry.Watchers)
                    {
                        watcher.Receive(changed);
                    }
                }

                if (entry.Present.Count == 0 && entry.Watchers.Count == 0)
                {
                    entry.Gone = true;
                    topics.TryRemove(topic, out _);
                }

                return;
            }
        }
    }

    /// <summary>
    /// One page's presence. It is told apart from equal ones by reference (two tabs may be present with equal keys and
    /// metas); an update replaces it with a new value in the same place of the topic's list.
    /// </summary>
    private sealed class Tracked(InMemoryPresence presence, string topic, Presence current) : ITrackedPresence
    {
        private bool left;

        public void Update(IReadOnlyDictionary<string, string> meta)
        {
            ArgumentNullException.ThrowIfNull(meta);
            presence.Change(topic, entry =>
            {
                var index = IndexIn(entry);
                if (index < 0)
                {
                    return null;
                }

                current = new Presence(current.Key, meta);
                entry.Present[index] = current;
                return new PresenceChanged(topic, [.. entry.Present], None, None, [current]);
            });
        }

        public void Dispose() => presence.Change(topic, entry =>
        {
            var index = IndexIn(entry);
            if (index < 0)
            {
                return null;
            }

            left = true;
            entry.Present.RemoveAt(index);
            return new PresenceChanged(topic, [.. entry.Present], None, [current], None);
        });

        /// <summary>Where this presence is in the topic's list; -1 once it has left.</summary>
        private int IndexIn(Topic entry) => left ? -1 : entry.Present.FindIndex(p => ReferenceEquals(p, current));
    }

    private sealed class Topic
    {
        public List<Presence> Present { get; } = [];

        public List<IMessageReceiver> Watchers { get; } = [];

        public bool Gone { get; set; }
    }
}
