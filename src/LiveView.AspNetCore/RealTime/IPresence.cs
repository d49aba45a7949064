namespace LiveView.AspNetCore;

/// <summary>
/// Who is present in which topic: pages track themselves (<c>Subscription.Track</c>) for as long as they are live, and
/// pages that watch a topic (<c>Subscription.Presence</c>) get <see cref="PresenceChanged"/> messages. In memory by
/// default (one node); a backplane (Redis) implements it to share presence across nodes.
/// </summary>
public interface IPresence
{
    /// <summary>Everyone present in <paramref name="topic"/> now, in the order they joined.</summary>
    IReadOnlyList<Presence> List(string topic);

    /// <summary>
    /// Makes <paramref name="presence"/> present in <paramref name="topic"/> until disposed; the topic's watchers get
    /// the join, an update for each <see cref="ITrackedPresence.Update"/>, and the leave when it is disposed.
    /// </summary>
    ITrackedPresence Track(string topic, Presence presence);

    /// <summary>
    /// Delivers <paramref name="topic"/>'s presence to <paramref name="receiver"/> until disposed: everyone present at
    /// once (as joined), then every change, each as a <see cref="PresenceChanged"/>, in the order they happened.
    /// </summary>
    IDisposable Watch(string topic, IMessageReceiver receiver);
}

/// <summary>One presence made by <see cref="IPresence.Track"/>: disposing it leaves the topic (once).</summary>
public interface ITrackedPresence : IDisposable
{
    /// <summary>Changes its meta in place: the topic's watchers get it in <c>PresenceChanged.Updated</c>.</summary>
    void Update(IReadOnlyDictionary<string, string> meta);
}
