namespace LiveView.AspNetCore;

/// <summary>
/// Delivers messages to the connections listening to an audience. In memory by default (one node); a backplane
/// (Redis) implements it to reach every node. Register your own with <c>services.AddSingleton&lt;IPubSub, ...&gt;()</c>
/// before <c>AddLiveView()</c>.
/// </summary>
public interface IPubSub
{
    /// <summary>
    /// Delivers <paramref name="message"/> to every receiver of <paramref name="audience"/> (each at most once). Must
    /// not wait for any receiver: <see cref="IMessageReceiver.Receive"/> only queues.
    /// </summary>
    ValueTask PublishAsync(Audience audience, object message, CancellationToken cancellationToken = default);

    /// <summary>Starts delivering <paramref name="audience"/>'s messages to <paramref name="receiver"/>, until disposed.</summary>
    IDisposable Subscribe(Audience audience, IMessageReceiver receiver);
}

/// <summary>What a pub/sub or presence delivers to: a connection's queue. <see cref="Receive"/> never blocks.</summary>
public interface IMessageReceiver
{
    /// <summary>Queues <paramref name="message"/> for the connection; returns at once.</summary>
    void Receive(object message);
}
