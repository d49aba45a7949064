using System.Diagnostics;
using System.Net.WebSockets;

namespace LiveView.Bench.Hostile;

/// <summary>Sending: the action again and again, as fast as the socket takes it, until a send blocks too long.</summary>
public sealed partial class Flooder
{
    private async Task SendAllAsync(TimeSpan stallLimit)
    {
        var ws = socket.Socket;
        try
        {
            for (var i = 0; i < sentAt.Length; i++)
            {
                if (floodOver.IsCancellationRequested)
                {
                    sendingEnded = "the flood ended first";
                    return;
                }

                sentAt[i] = Stopwatch.GetTimestamp();
                var send = ws.SendAsync(action.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                if (send.IsCompleted)
                {
                    send.GetAwaiter().GetResult(); // consumes the ValueTask; throws if the send failed
                }
                else
                {
                    var pending = send.AsTask();
                    if (!await Waiting.CompletesWithinAsync(pending, stallLimit, floodOver.Token))
                    {
                        pendingSend = pending;
                        sendingEnded = floodOver.IsCancellationRequested
                            ? $"the flood ended while frame {i + 1:N0} was blocked"
                            : $"frame {i + 1:N0} blocked for {stallLimit.TotalSeconds:F0} s (it started at {Seconds(sentAt[i]):F1} s)";
                        return;
                    }
                }

                Volatile.Write(ref sent, i + 1);
            }

            sendingEnded = "all sent";
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            sendingEnded = $"a send failed at frame {Volatile.Read(ref sent) + 1:N0}: {ex.Message}";
            if (!closing)
            {
                ServerEnded($"a send failed: {ex.Message}");
            }
        }
        finally
        {
            sendingEndedAt = Stopwatch.GetTimestamp();
        }
    }
}
