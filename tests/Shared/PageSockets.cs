using Microsoft.Playwright;

namespace LiveView.Deployment;

/// <summary>A page's sockets: how many it opened and how many closed (which node holds them is nginx's choice).</summary>
public sealed class PageSockets
{
    private int opened;
    private int closed;

    public int Opened => Volatile.Read(ref opened);

    public int Closed => Volatile.Read(ref closed);

    /// <summary>Counts <paramref name="page"/>'s sockets (call it before the page opens).</summary>
    public void Watch(IPage page) => page.WebSocket += (_, socket) =>
    {
        Interlocked.Increment(ref opened);
        socket.Close += (_, _) => Interlocked.Increment(ref closed);
    };
}
