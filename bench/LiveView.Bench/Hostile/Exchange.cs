using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace LiveView.Bench.Hostile;

/// <summary>A fresh socket's single exchange: connect, send one action, read its replies, close.</summary>
/// <param name="Answered">True if every expected reply came within the limit.</param>
/// <param name="Milliseconds">From the start of the connect to the last reply (or to giving up).</param>
/// <param name="Problem">Why not, when not.</param>
public sealed record ExchangeResult(bool Answered, double Milliseconds, string? Problem);

/// <summary>One action on a new connection: warms a server up, and checks it still serves new clients after a flood.</summary>
public static class Exchange
{
    public static async Task<ExchangeResult> RunAsync(Uri uri, string action, int replies, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        ProbeSocket? socket = null;
        try
        {
            using var timeout = new CancellationTokenSource(limit);
            socket = await ProbeSocket.ConnectAsync(uri, timeout.Token);
            await socket.Socket.SendAsync(Encoding.UTF8.GetBytes(action), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            var buffer = new byte[64 * 1024];
            for (var i = 0; i < replies; i++)
            {
                ValueWebSocketReceiveResult result;
                do
                {
                    // Cancelling a receive aborts the socket: fine, this socket is done either way.
                    result = await socket.Socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return new ExchangeResult(false, Elapsed(started), $"closed by the server ({(int?)socket.Socket.CloseStatus})");
                }
            }

            var elapsed = Elapsed(started);
            await CloseAsync(socket);
            return new ExchangeResult(true, elapsed, null);
        }
        catch (OperationCanceledException)
        {
            return new ExchangeResult(false, Elapsed(started), $"no answer within {limit.TotalSeconds:F0} s");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException)
        {
            return new ExchangeResult(false, Elapsed(started), ex.Message);
        }
        finally
        {
            socket?.Dispose();
        }
    }

    private static async Task CloseAsync(ProbeSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Best effort: the exchange is over.
        }
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
