using Microsoft.Playwright;

namespace LiveView.Deployment;

/// <summary>The frames a page's sockets received, recorded from before it opens: to wait for a snapshot of its state.</summary>
public sealed class ReceivedFrames
{
    private readonly List<string> frames = [];

    /// <summary>Records the frames <paramref name="page"/>'s sockets receive (call it before the page opens).</summary>
    public static ReceivedFrames Of(IPage page)
    {
        var received = new ReceivedFrames();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            lock (received.frames)
            {
                received.frames.Add(frame.Text ?? "");
            }
        };
        return received;
    }

    /// <summary>The last frame received, or empty.</summary>
    public string Last
    {
        get
        {
            lock (frames)
            {
                return frames.Count > 0 ? frames[^1] : "";
            }
        }
    }

    /// <summary>
    /// Waits until the last frame received is a snapshot of the page's state (<c>{"state":"..."}</c>): the client holds
    /// the state as it is now.
    /// </summary>
    public async Task WaitForSnapshotAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!Last.StartsWith("{\"state\":\"", StringComparison.Ordinal))
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
