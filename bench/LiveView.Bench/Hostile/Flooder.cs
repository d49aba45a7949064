using System.Diagnostics;
using System.Text;

namespace LiveView.Bench.Hostile;

/// <summary>
/// The abusive socket: sends one scenario's action as fast as it can, reading the replies on the same socket
/// meanwhile or never reading at all, and watches its TCP connection to see whether the server drops it.
/// </summary>
public sealed partial class Flooder : IDisposable
{
    private static readonly byte[] ErrorField = Encoding.UTF8.GetBytes("\"error\":");

    private readonly ProbeSocket socket;
    private readonly HostileScenario scenario;
    private readonly byte[] action;
    private readonly byte[]? firstReplyMarker;
    private readonly long[] sentAt;
    private readonly List<long> firstReplies;
    private readonly List<long> laterReplies;
    private readonly CancellationTokenSource floodOver = new();
    private readonly Lock gate = new();

    private long started;
    private int sent;
    private long sendingEndedAt;
    private string sendingEnded = "not started";
    private Task? sender;
    private Task? pendingSend;
    private Task? reader;

    private long replies;
    private long replyBytes;
    private long errorReplies;
    private string? firstError;
    private long lastReplyAt;

    private volatile bool closing;
    private string? serverClosed;
    private long serverClosedAt;
    private string? floodEnded;
    private long floodEndedAt;

    private long peakUnread;
    private long peakUnsent;
    private TcpConnection? lastTcp;

    private Flooder(ProbeSocket socket, HostileScenario scenario, int frames)
    {
        this.socket = socket;
        this.scenario = scenario;
        action = scenario.ActionBytes;
        firstReplyMarker = scenario.FirstReplyMarker is { } marker ? Encoding.UTF8.GetBytes(marker) : null;
        sentAt = new long[frames];
        firstReplies = new List<long>(scenario.Reads ? frames : 0);
        laterReplies = new List<long>(scenario.Reads ? frames * Math.Max(0, scenario.RepliesPerFrame - 1) : 0);
    }

    /// <summary>The client's port of the flooding connection.</summary>
    public int LocalPort => socket.LocalPort;

    /// <summary>Opens the flooding socket; nothing is sent until <see cref="FloodAsync"/>.</summary>
    public static async Task<Flooder> ConnectAsync(Uri uri, HostileScenario scenario, int frames)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return new Flooder(await ProbeSocket.ConnectAsync(uri, timeout.Token), scenario, frames);
    }

    /// <summary>Sent, received and unread so far, for the console.</summary>
    public string Progress =>
        $"sent {Volatile.Read(ref sent):N0}/{sentAt.Length:N0}" +
        (scenario.Reads ? $", replies {Interlocked.Read(ref replies):N0}" : "") +
        (lastTcp is { } tcp ? $"; {tcp.Describe()}" : "");

    /// <summary>
    /// Floods until the window ends, the server drops the connection, or (for a flooder that reads) every reply has
    /// come. The socket stays open: see <see cref="CloseAsync"/>.
    /// </summary>
    public async Task FloodAsync(HostilePlan plan, int serverPort)
    {
        started = Stopwatch.GetTimestamp();
        floodOver.CancelAfter(plan.FloodWindow);
        sender = Task.Run(() => SendAllAsync(plan.StallLimit));
        if (scenario.Reads)
        {
            reader = Task.Run(ReadAllAsync);
        }

        var expected = (long)sentAt.Length * scenario.RepliesPerFrame;
        var nextTcpReading = 0L;
        while (!floodOver.IsCancellationRequested)
        {
            if (Stopwatch.GetTimestamp() >= nextTcpReading)
            {
                WatchTcp(serverPort);
                nextTcpReading = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
            }

            if (serverClosed is not null)
            {
                End("the server ended the connection");
                break;
            }

            if (scenario.Reads && sender.IsCompleted && Interlocked.Read(ref replies) >= expected)
            {
                End($"every reply arrived ({expected:N0})");
                break;
            }

            await Task.Delay(100);
        }

        End($"the flood window ({plan.FloodWindow.TotalSeconds:F0} s) ended");
        WatchTcp(serverPort);
        await Waiting.CompletesWithinAsync(sender, TimeSpan.FromSeconds(5));
    }

    private void End(string reason)
    {
        lock (gate)
        {
            if (floodEnded is null)
            {
                floodEnded = reason;
                floodEndedAt = Stopwatch.GetTimestamp();
            }
        }

        floodOver.Cancel();
    }

    private void WatchTcp(int serverPort)
    {
        var tcp = TcpConnection.Read(serverPort, socket.LocalPort);
        lastTcp = tcp;
        peakUnread = Math.Max(peakUnread, tcp.Client?.ReceiveQueue ?? 0);
        peakUnsent = Math.Max(peakUnsent, tcp.Server?.SendQueue ?? 0);
        if (!tcp.Established && !closing)
        {
            ServerEnded($"the connection left ESTAB ({tcp.Describe()})");
        }
    }

    private void ServerEnded(string how)
    {
        lock (gate)
        {
            if (serverClosed is null)
            {
                serverClosedAt = Stopwatch.GetTimestamp();
                serverClosed = how;
            }
        }
    }

    private double Seconds(long timestamp) => Stopwatch.GetElapsedTime(started, timestamp).TotalSeconds;

    public void Dispose()
    {
        floodOver.Dispose();
        socket.Dispose();
    }
}
