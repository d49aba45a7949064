using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace LiveView.AspNetCore;

/// <summary>
/// The effects a connection runs: each off the connection's loop, with an <c>Abandoned</c> token of its own that the
/// runtime's <c>Cancel</c> (or the connection's end) fires; each end comes back through the mailbox. Used by the
/// connection's loop only.
/// </summary>
internal sealed class ConnectionEffects(EffectRunner runner, ChannelWriter<Inbound> mailbox, CancellationToken lifetime, ILogger logger)
{
    private readonly Dictionary<long, CancellationTokenSource> running = [];

    /// <summary>What an effect's trace is tagged with; none while nobody listens (<see cref="EffectRunner.TagsFor"/>).</summary>
    public EffectTags? TagsFor(Origin origin, Instance? live, System.Diagnostics.ActivityContext parent) =>
        runner.TagsFor(origin, live, parent);

    /// <summary>Starts effect <paramref name="id"/>, tagged <paramref name="tags"/> (none: nobody listens).</summary>
    public void Start(long id, Effect<object> work, EffectTags? tags)
    {
        var abandoned = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        running[id] = abandoned;
        _ = RunAsync(id, work, tags, abandoned.Token);
    }

    /// <summary>
    /// Nobody waits for effect <paramref name="id"/>'s result any more: its token fires. The loop does not wait for the
    /// callbacks the page's code registered on it.
    /// </summary>
    public void Cancel(long id)
    {
        if (running.TryGetValue(id, out var abandoned))
        {
            _ = abandoned.CancelAsync();
        }
    }

    /// <summary>Effect <paramref name="id"/> ended (its end was taken from the mailbox).</summary>
    public void Ended(long id)
    {
        if (running.Remove(id, out var abandoned))
        {
            abandoned.Dispose();
        }
    }

    /// <summary>The connection ended (its lifetime token fired every effect's <c>Abandoned</c>).</summary>
    public void Forget()
    {
        foreach (var abandoned in running.Values)
        {
            abandoned.Dispose();
        }

        running.Clear();
    }

    private async Task RunAsync(long id, Effect<object> work, EffectTags? tags, CancellationToken abandoned)
    {
        // A partial result waits for room in the mailbox like any message: a slow page slows the work down.
        Task Report(Fold fold) => mailbox.WriteAsync(new Inbound.EffectReported(id, fold), lifetime).AsTask();

        var end = await runner.RunAsync(id, work, Report, tags, abandoned);
        try
        {
            await mailbox.WriteAsync(new Inbound.EffectEnded(end), lifetime);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // The connection ended while the effect ran: nobody is left to see its result.
            if (end.Error is { } error and not OperationCanceledException)
            {
                Log.FaultOnly(logger, error, "An effect's work failed after its connection closed.");
            }
        }
    }
}
