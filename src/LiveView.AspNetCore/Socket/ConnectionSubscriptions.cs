namespace LiveView.AspNetCore;

/// <summary>
/// The subscriptions a connection's pages asked for (the runtime's <c>Subscribe</c> and <c>Unsubscribe</c>), started
/// on the pub/sub, the presence and the clock. Used by the connection's loop only.
/// </summary>
internal sealed class ConnectionSubscriptions(IPubSub pubSub, IPresence presence, TimeProvider time, PushQueue queue)
{
    private readonly Dictionary<(long Owner, Subscription Subscription), IDisposable> running = [];

    /// <summary>How many run.</summary>
    public int Count => running.Count;

    /// <summary>Starts <paramref name="subscription"/> for page instance <paramref name="owner"/>.</summary>
    public void Start(long owner, Subscription subscription)
    {
        if (running.ContainsKey((owner, subscription)))
        {
            return;
        }

        running[(owner, subscription)] = subscription switch
        {
            Subscription.OnTopic topic => pubSub.Subscribe(
                Audience.Topic(topic.Topic), new Delivery(queue, owner, $"topic {topic.Topic}", subscription)),
            Subscription.OnPresence watched => presence.Watch(
                watched.Topic, new Delivery(queue, owner, $"presence of {watched.Topic}", subscription)),
            Subscription.Tracking tracking => presence.Track(tracking.Topic, new Presence(tracking.Key, tracking.Meta)),
            Subscription.Timer timer => new ConnectionTimer(time, queue, owner, timer),
            _ => throw new ArgumentOutOfRangeException(nameof(subscription), subscription, "Unknown subscription."),
        };
    }

    /// <summary>Page instance <paramref name="owner"/>'s presence <paramref name="before"/> takes the meta of <paramref name="after"/>, in place.</summary>
    public void Retrack(long owner, Subscription before, Subscription after)
    {
        if (after is Subscription.Tracking tracking
            && running.Remove((owner, before), out var started)
            && started is ITrackedPresence present)
        {
            present.Update(tracking.Meta);
            running[(owner, after)] = present;
        }
        else
        {
            Stop(owner, before);
            Start(owner, after);
        }
    }

    /// <summary>Stops <paramref name="subscription"/> of page instance <paramref name="owner"/>.</summary>
    public void Stop(long owner, Subscription subscription)
    {
        if (running.Remove((owner, subscription), out var started))
        {
            started.Dispose();
        }
    }

    /// <summary>Stops everything (the connection closed).</summary>
    public void StopAll()
    {
        foreach (var started in running.Values)
        {
            started.Dispose();
        }

        running.Clear();
    }
}
