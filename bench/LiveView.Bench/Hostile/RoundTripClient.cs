using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using LiveView.Bench.Report;

namespace LiveView.Bench.Hostile;

/// <summary>The well-behaved client's round trips over one window.</summary>
/// <param name="Latency">Every round trip that completed, send to reply, in ms (late ones included).</param>
/// <param name="Timeouts">Round trips that took longer than the timeout, whether or not their reply came later.</param>
/// <param name="Unfinished">A round trip still waiting when the window ended, and for how long it had waited (ms).</param>
/// <param name="ErrorReplies">Replies that were protocol errors.</param>
/// <param name="Lost">How the socket was lost, if the server closed or broke it.</param>
public sealed record RoundTripResult(Percentiles Latency, int Timeouts, double? Unfinished, int ErrorReplies, string? Lost)
{
    /// <summary>Round trips completed.</summary>
    public int Completed => Latency.Count;

    /// <summary>The longest wait for a reply, the one still unanswered at the end of the window included (ms).</summary>
    public double LongestWait => Math.Max(Latency.Max, Unfinished ?? 0);
}

/// <summary>
/// A well-behaved client beside the flood: its own socket, one small action at a time (at most one per interval, a
/// person clicking fast), each waiting for its reply. How long it waits says how much the flood hurts everyone else.
/// </summary>
public sealed class RoundTripClient : IAsyncDisposable
{
    private static readonly byte[] ErrorField = Encoding.UTF8.GetBytes("\"error\":");

    private readonly ProbeSocket socket;
    private readonly byte[] action;
    private readonly Task reader;
    private TaskCompletionSource<bool>? pending;
    private int errorReplies;
    private int count;
    private string? lost;

    private RoundTripClient(ProbeSocket socket, byte[] action)
    {
        this.socket = socket;
        this.action = action;
        reader = Task.Run(ReadAllAsync);
    }

    /// <summary>Opens the client's socket.</summary>
    public static async Task<RoundTripClient> ConnectAsync(Uri uri, string action)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return new RoundTripClient(await ProbeSocket.ConnectAsync(uri, timeout.Token), Encoding.UTF8.GetBytes(action));
    }

    /// <summary>Round trips completed so far in the current window, for the console.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Does round trips until <paramref name="stop"/> fires, and never hangs: a reply can be waited for no longer than the window.</summary>
    public async Task<RoundTripResult> RunAsync(TimeSpan interval, TimeSpan timeout, CancellationToken stop)
    {
        var samples = new List<double>(4096);
        var timeouts = 0;
        double? unfinished = null;
        var errorsBefore = Volatile.Read(ref errorReplies);
        Volatile.Write(ref count, 0);
        while (!stop.IsCancellationRequested && lost is null)
        {
            var reply = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref pending, reply);
            var started = Stopwatch.GetTimestamp();
            var send = socket.Socket.SendAsync(action, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            var timedOut = false;
            var answered = await Waiting.CompletesWithinAsync(reply.Task, timeout, stop);
            if (!answered && !stop.IsCancellationRequested)
            {
                // Over the limit: a timeout, but wait on (until the window ends) so that replies stay paired.
                timeouts++;
                timedOut = true;
                answered = await Waiting.CompletesWithinAsync(reply.Task, Timeout.InfiniteTimeSpan, stop);
            }

            if (!answered)
            {
                var waited = Stopwatch.GetElapsedTime(started);
                unfinished = waited.TotalMilliseconds;
                if (!timedOut && waited > timeout)
                {
                    timeouts++;
                }

                break;
            }

            if (!reply.Task.Result)
            {
                break; // the socket was lost
            }

            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Interlocked.Increment(ref count);
            await Waiting.ObserveAsync(send);
            var wait = interval - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    // The window ended.
                }
            }
        }

        return new RoundTripResult(Percentiles.Of(samples), timeouts, unfinished, Volatile.Read(ref errorReplies) - errorsBefore, lost);
    }

    private async Task ReadAllAsync()
    {
        var ws = socket.Socket;
        try
        {
            while (true)
            {
                var (type, payload) = await socket.ReceiveMessageAsync();
                if (type == WebSocketMessageType.Close)
                {
                    lost ??= $"close frame {(int?)ws.CloseStatus} \"{ws.CloseStatusDescription}\"";
                    break;
                }

                if (payload.Span.IndexOf(ErrorField) >= 0)
                {
                    Interlocked.Increment(ref errorReplies);
                }

                Interlocked.Exchange(ref pending, null)?.TrySetResult(true);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            lost ??= $"the connection broke: {ex.Message}";
        }

        Interlocked.Exchange(ref pending, null)?.TrySetResult(false);
    }

    /// <summary>Closes with a handshake if the server answers within 5 s, otherwise aborts.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (lost is null && socket.Socket.State == WebSocketState.Open)
            {
                lost = "closed by the probe";
                await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
                await Waiting.CompletesWithinAsync(reader, TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Best effort: the figures are taken.
        }

        socket.Abort();
        await Waiting.ObserveAsync(reader);
        socket.Dispose();
    }
}
