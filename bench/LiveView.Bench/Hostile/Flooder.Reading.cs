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
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await ws.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                var now = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (!closing)
                    {
                        ServerEnded($"close frame {(int?)ws.CloseStatus} {ws.CloseStatus} \"{ws.CloseStatusDescription}\"");
                    }

                    return;
                }

                var frame = buffer.AsSpan(0, count);
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

                Interlocked.Add(ref replyBytes, count);
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
