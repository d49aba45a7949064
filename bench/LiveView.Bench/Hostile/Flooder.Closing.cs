using System.Diagnostics;
using System.Net.WebSockets;

namespace LiveView.Bench.Hostile;

/// <summary>Closing: a handshake for a flooder that reads, an abort for one that never does; then the figures.</summary>
public sealed partial class Flooder
{
    /// <summary>
    /// Closes the flooder: a flooder that reads sends a close frame and waits (up to <paramref name="limit"/>) for the
    /// server's; one that never reads, or whose send is stuck, cannot, and is aborted (a killed browser tab).
    /// </summary>
    public async Task<FloodResult> CloseAsync(TimeSpan limit)
    {
        End("closed");
        closing = true;
        var ws = socket.Socket;
        string close;
        var sendStuck = pendingSend is { IsCompleted: false } || sender is { IsCompleted: false };
        if (serverClosed is not null)
        {
            socket.Abort();
            close = "nothing to close: the server had ended the connection";
        }
        else if (!scenario.Reads)
        {
            socket.Abort();
            close = "aborted without a closing handshake (a client that never reads cannot complete one)";
        }
        else if (sendStuck)
        {
            socket.Abort();
            close = "aborted: a send was still blocked";
        }
        else
        {
            var closingAt = Stopwatch.GetTimestamp();
            try
            {
                using var timeout = new CancellationTokenSource(limit);
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
                close = await Waiting.CompletesWithinAsync(reader!, limit - Stopwatch.GetElapsedTime(closingAt))
                    ? $"closing handshake answered in {Stopwatch.GetElapsedTime(closingAt).TotalMilliseconds:F0} ms ({(int?)ws.CloseStatus})"
                    : $"no close frame within {limit.TotalSeconds:F0} s (still draining replies): aborted";
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                close = $"the closing handshake failed ({ex.Message}): aborted";
            }

            socket.Abort();
        }

        await Waiting.ObserveAsync(reader);
        await Waiting.ObserveAsync(sender);
        await Waiting.ObserveAsync(pendingSend);
        return Result(close);
    }

    private FloodResult Result(string close)
    {
        var sentCount = Volatile.Read(ref sent);
        var answerLag = Lags(firstReplies);
        var resultLag = Lags(laterReplies);
        var lastReply = Interlocked.Read(ref lastReplyAt);
        return new FloodResult(
            sentAt.Length,
            sentCount,
            sendingEndedAt == 0 ? 0 : Seconds(sendingEndedAt),
            sendingEnded,
            Interlocked.Read(ref replies),
            Interlocked.Read(ref replyBytes),
            firstReplies.Count,
            errorReplies,
            firstError,
            answerLag,
            resultLag,
            lastReply == 0 ? null : Seconds(lastReply),
            serverClosed,
            serverClosed is null ? null : Seconds(serverClosedAt),
            floodEnded ?? "?",
            floodEndedAt == 0 ? 0 : Seconds(floodEndedAt),
            close,
            lastTcp,
            peakUnread,
            peakUnsent,
            lastTcp?.Server?.BytesAcked ?? 0);
    }
}
