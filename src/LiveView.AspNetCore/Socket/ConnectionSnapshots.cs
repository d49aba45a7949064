using System.Threading.Channels;

namespace LiveView.AspNetCore;

/// <summary>
/// Sends one connection's client the snapshots of its live page's state (our client only, protocol 2): after a step
/// that changed the state, once it has stayed unchanged for <see cref="LiveViewOptions.StateSnapshotDelay"/>, or
/// <see cref="LiveViewOptions.StateSnapshotInterval"/> after its first change while it keeps changing, and never two
/// within that interval; and the one due when the server shuts down, before it closes the socket. Used by the connection's loop only; its timer posts
/// <see cref="Inbound.SnapshotDue"/> to the loop's mailbox.
/// </summary>
internal sealed class ConnectionSnapshots : IDisposable
{
    private readonly SocketEndpoint host;
    private readonly string user;
    private readonly ChannelWriter<Inbound> mailbox;
    private readonly ITimer timer;

    // The live page instance and its state (by reference) as last seen after a step.
    private long instance;
    private object? state;

    // The state changed since the last snapshot, first at this time.
    private bool pending;
    private DateTimeOffset firstChange;

    // When the last snapshot was sent.
    private DateTimeOffset lastSent = DateTimeOffset.MinValue;

    // The client holds a snapshot of the live page (sent, or restored from).
    private bool held;

    public ConnectionSnapshots(SocketEndpoint host, string user, ChannelWriter<Inbound> mailbox)
    {
        this.host = host;
        this.user = user;
        this.mailbox = mailbox;
        timer = host.Time.CreateTimer(_ => Due(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// After a step: notes whether the live page's state changed, and when its snapshot is due. <paramref name="restored"/>
    /// is the state a reconnecting client's snapshot restored in that step, if any: the client holds it already.
    /// </summary>
    public void Follow(Runtime runtime, object? restored)
    {
        if (runtime.Instance is not { } live || (live.Id == instance && ReferenceEquals(live.State, state)))
        {
            return;
        }

        if (live.Id != instance)
        {
            // Another mount: the client forgets the snapshot of the page it left.
            held = false;
            pending = false;
        }

        instance = live.Id;
        state = live.State;
        if (restored is not null && ReferenceEquals(live.State, restored))
        {
            held = true;
            return;
        }

        if (host.States.Of(live.Page.Name) is null)
        {
            return;
        }

        var now = host.Time.GetUtcNow();
        if (!pending)
        {
            pending = true;
            firstChange = now;
        }

        // Once quiet, or an interval after the first change; never within an interval of the last snapshot.
        var interval = host.Options.StateSnapshotInterval;
        var quiet = now + host.Options.StateSnapshotDelay;
        var due = firstChange + interval < quiet ? firstChange + interval : quiet;
        if (lastSent != DateTimeOffset.MinValue && lastSent + interval > due)
        {
            due = lastSent + interval;
        }

        timer.Change(due > now ? due - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Writes the snapshot due, if the state changed since the last one: <c>{"state":...,"view":...}</c>, or
    /// <c>{"state":null}</c> when it can no longer be kept (too large, or it could not be written) and the client holds
    /// an older one. True when a frame was written.
    /// </summary>
    public bool Write(Runtime runtime, FrameWriter frames)
    {
        if (!pending || runtime.Instance is not { } live || host.States.Of(live.Page.Name) is not { } page)
        {
            return false;
        }

        pending = false;
        var written = host.Snapshots.Write(page, user, live.State);
        if (written.Token is { } token)
        {
            frames.WriteSnapshot(token, live.Shown.IsSome ? ViewHtml.fingerprint(live.Shown.Value) : null);
            held = true;
            lastSent = host.Time.GetUtcNow();
            return true;
        }

        if (host.States.FirstProblem(page.Name))
        {
            if (written.Error is { } error)
            {
                Log.StateUnwritable(host.Logger, page.Name, $"{error.GetType().Name}: {error.Message}");
            }
            else
            {
                Log.StateTooLarge(host.Logger, page.Name, written.Bytes, host.Snapshots.Limit);
            }
        }

        if (!held)
        {
            return false;
        }

        frames.WriteSnapshot(null, null);
        held = false;
        return true;
    }

    public void Dispose() => timer.Dispose();

    /// <summary>The timer's: wakes the loop; a full mailbox is tried again a little later.</summary>
    private void Due()
    {
        try
        {
            if (!mailbox.TryWrite(Inbound.SnapshotDue.Instance))
            {
                timer.Change(host.Options.StateSnapshotDelay + TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
            }
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile.
        }
    }
}
