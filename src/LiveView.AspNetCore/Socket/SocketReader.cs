using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace LiveView.AspNetCore;

/// <summary>
/// A connection's receive loop: reads frames, decodes them and posts them to the connection's mailbox. It holds no
/// buffer while the socket is idle, reads nothing while the connection's gate is closed, refuses a message over
/// the size limit (1009) and one that does not arrive in time (1008).
/// </summary>
internal sealed class SocketReader(
    WebSocket socket, ChannelWriter<Inbound> mailbox, ReadGate gate, LiveViewOptions options, LiveViewMetrics metrics, ILogger logger)
{
    private const int InitialBuffer = 4 * 1024;

    /// <summary>Reads until the client closes, the socket breaks or <paramref name="lifetime"/> ends.</summary>
    public async Task RunAsync(CancellationToken lifetime)
    {
        var limit = options.MaxMessageBytes;
        try
        {
            while (true)
            {
                // A zero-byte read waits for data without holding a buffer (and answers pings meanwhile).
                var ready = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                if (ready.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                await gate.WaitAsync().WaitAsync(lifetime);
                if (ready.EndOfMessage)
                {
                    // The whole message was empty.
                    await mailbox.WriteAsync(Decode([], ready.MessageType), lifetime);
                    continue;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
                try
                {
                    (buffer, var count, var type, var refusal) = await ReadMessageAsync(buffer, limit);
                    if (refusal is not null)
                    {
                        await mailbox.WriteAsync(refusal.Close, lifetime);
                        await DiscardUntilCloseAsync(refusal.Rest);
                        return;
                    }

                    if (type == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    metrics.Received(count);
                    await mailbox.WriteAsync(Decode(buffer.AsSpan(0, count), type), lifetime);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ChannelClosedException)
        {
            Log.SocketLost(logger, ex.Message);
        }
        finally
        {
            await LeaveAsync(lifetime);
        }
    }

    /// <summary>Tells the loop that nothing more will be read (it may still have work to settle).</summary>
    private async Task LeaveAsync(CancellationToken lifetime)
    {
        try
        {
            await mailbox.WriteAsync(Inbound.Left.Instance, lifetime);
        }
        catch (OperationCanceledException)
        {
            // The loop is gone already.
        }
    }

    /// <summary>
    /// Reads one message into <paramref name="buffer"/>, grown as needed up to the limit (the buffer returned is the
    /// one that holds it, rented from the pool). Once its first bytes are in, the rest must arrive within
    /// <see cref="LiveViewOptions.MessageTimeout"/>. A refusal is the close to send.
    /// </summary>
    private async Task<(byte[] Buffer, int Count, WebSocketMessageType Type, Refusal? Refusal)> ReadMessageAsync(byte[] buffer, int limit)
    {
        // Set when a read has to wait: a message that arrives whole (nearly all) costs no clock reading. Its first
        // bytes were in microseconds before (the zero-byte read returned), so the deadline counts from about then.
        DateTime? deadline = null;
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (count == buffer.Length)
            {
                buffer = Grow(buffer, count, limit + 1);
            }

            var read = socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
            if (read.IsCompleted)
            {
                result = read.Result;
            }
            else
            {
                var pending = read.AsTask();
                try
                {
                    deadline ??= DateTime.UtcNow + options.MessageTimeout;
                    result = await pending.WaitAsync(Remaining(deadline.Value));
                }
                catch (TimeoutException)
                {
                    Log.MessageTimedOut(logger, options.MessageTimeout.TotalSeconds);
                    var close = new Inbound.Close(
                        WebSocketCloseStatus.PolicyViolation,
                        $"A message must arrive within {options.MessageTimeout.TotalSeconds:0.#} s of its first bytes.");
                    return (buffer, 0, WebSocketMessageType.Close, new Refusal(close, pending));
                }
            }

            count += result.Count;
            if (count > limit)
            {
                Log.MessageTooBig(logger, limit);
                var close = new Inbound.Close(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {limit} bytes.");
                return (buffer, 0, WebSocketMessageType.Close, new Refusal(close, Task.FromResult(result)));
            }
        }
        while (!result.EndOfMessage);

        return (buffer, count, result.MessageType, null);
    }

    /// <summary>A message refused: the close to send, and the read in progress when it was refused.</summary>
    private sealed record Refusal(Inbound.Close Close, Task<ValueWebSocketReceiveResult> Rest);

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>After a refused message, reads and drops frames until the client answers the close (or the socket ends).</summary>
    private async Task DiscardUntilCloseAsync(Task<ValueWebSocketReceiveResult> pending)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var result = await pending;
            while (result.MessageType != WebSocketMessageType.Close)
            {
                result = await socket.ReceiveAsync(scratch.AsMemory(), CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The socket is closing or gone either way.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static Inbound Decode(ReadOnlySpan<byte> frame, WebSocketMessageType type)
    {
        if (type == WebSocketMessageType.Binary)
        {
            return new Inbound.Rejected(new WireError(
                WireErrorCodes.BinaryFrame, "Binary frames are not supported; send JSON text frames."));
        }

        return ActionDecoder.TryDecode(frame, out var action, out var state, out var error)
            ? new Inbound.Received(action!, state)
            : new Inbound.Rejected(error!);
    }

    private static byte[] Grow(byte[] buffer, int count, int max)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max));
        buffer.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
