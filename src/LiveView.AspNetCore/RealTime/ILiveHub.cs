namespace LiveView.AspNetCore;

/// <summary>
/// Sends messages to pages from any code: controllers, background services, other pages' effects. Take it from DI,
/// as SignalR's <c>IHubContext</c>: <c>await hub.SendAsync(Audience.Topic("room:lobby"), new Said(...))</c>. Every live
/// page of the audience that handles the message's type folds it in (<c>OnMessage&lt;T&gt;</c>).
/// </summary>
public interface ILiveHub
{
    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="audience"/>: one connection, a user's connections, a topic's
    /// subscribers, or everyone. Never waits for a socket: each connection queues the message (a connection too far
    /// behind is closed, see <see cref="LiveViewOptions.MaxQueuedMessages"/>).
    /// </summary>
    Task SendAsync(Audience audience, object message, CancellationToken cancellationToken = default);
}

/// <summary>The hub: a message goes through the pub/sub (in memory on one node, a backplane across nodes).</summary>
internal sealed class LiveHub(IPubSub pubSub, LiveViewMetrics metrics) : ILiveHub
{
    public Task SendAsync(Audience audience, object message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(message);
        metrics.Broadcast(audience.Kind, page: null);
        return pubSub.PublishAsync(audience, message, cancellationToken).AsTask();
    }
}
