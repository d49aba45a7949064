using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using LiveView.Bench.Report;

namespace LiveView.Bench.Hostile;

/// <summary>Reading: counting the replies, and pairing the n-th reply with the n-th frame for the answer lag.</summary>
public sealed partial class Flooder
{
    private async Task ReadAllAsync()
    {
        var ws = socket.Socket;
        try
        {
            while (true)
            {
                var (type, payload) = await socket.ReceiveMessageAsync();
                var now = Stopwatch.GetTimestamp();
                if (type == WebSocketMessageType.Close)
                {
                    if (!closing)
                    {
                        ServerEnded($"close frame {(int?)ws.CloseStatus} {ws.CloseStatus} \"{ws.CloseStatusDescription}\"");
                    }

                    return;
                }

                var frame = payload.Span;
                if (firstReplyMarker is null || frame.IndexOf(firstReplyMarker) >= 0)
                {
                    firstReplies.Add(now);
                }
                else
                {
                    laterReplies.Add(now);
                }

                if (frame.IndexOf(ErrorField) >= 0)
                {
                    errorReplies++;
                    firstError ??= Encoding.UTF8.GetString(frame);
                }

                Interlocked.Add(ref replyBytes, payload.Length);
                Interlocked.Increment(ref replies);
                Interlocked.Exchange(ref lastReplyAt, now);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            if (!closing)
            {
                ServerEnded($"the connection broke: {ex.Message}");
            }
        }
    }

    /// <summary>The n-th reply of a kind against the n-th frame sent, in ms.</summary>
    private Percentiles Lags(List<long> arrivals)
    {
        var n = Math.Min(arrivals.Count, sentAt.Length);
        var lags = new double[n];
        for (var i = 0; i < n; i++)
        {
            lags[i] = Stopwatch.GetElapsedTime(sentAt[i], arrivals[i]).TotalMilliseconds;
        }

        return Percentiles.Of(lags);
    }
}
