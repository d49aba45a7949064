namespace LiveView.Redis;

/// <summary>Changes to several topics' lists, gathered, then applied to a board as one change per topic.</summary>
internal sealed class PresenceChanges
{
    private readonly Dictionary<string, (List<PresenceEntry> Joined, List<PresenceEntry> Left, List<PresenceEntry> Updated)> byTopic =
        new(StringComparer.Ordinal);

    public int Count => byTopic.Values.Sum(c => c.Joined.Count + c.Left.Count + c.Updated.Count);

    public PresenceChanges Joined(PresenceEntry entry)
    {
        Of(entry.Topic).Joined.Add(entry);
        return this;
    }

    public PresenceChanges Left(PresenceEntry entry)
    {
        Of(entry.Topic).Left.Add(entry);
        return this;
    }

    public PresenceChanges Updated(PresenceEntry entry)
    {
        Of(entry.Topic).Updated.Add(entry);
        return this;
    }

    public void ApplyTo(PresenceBoard board)
    {
        foreach (var (topic, (joined, left, updated)) in byTopic)
        {
            board.Change(topic, joined, left, updated);
        }
    }

    private (List<PresenceEntry> Joined, List<PresenceEntry> Left, List<PresenceEntry> Updated) Of(string topic)
    {
        if (!byTopic.TryGetValue(topic, out var changes))
        {
            changes = ([], [], []);
            byTopic[topic] = changes;
        }

        return changes;
    }
}
