using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace LiveView.AspNetCore;

/// <summary>The receive loop: frames in, decoded messages into the mailbox.</summary>
internal sealed partial class LiveConnection
{
    /// <summary>Reads frames, decodes them and posts them to the mailbox, until the client closes.</summary>
    private async Task ReceiveLoopAsync()
    {
        var limit = host.Options.MaxMessageBytes;
        try
        {
            while (true)
            {
                // A zero-byte read waits for data without holding a buffer: an idle socket costs no buffer at all.
                var ready = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                if (ready.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (ready.EndOfMessage)
                {
                    // The whole message was empty.
                    await mailbox.Writer.WriteAsync(Decode([], ready.MessageType), lifetime.Token);
                    continue;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(InitialReceiveBuffer);
                try
                {
                    var count = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        if (count == buffer.Length)
                        {
                            buffer = Grow(buffer, count, limit + 1);
                        }

                        result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                        count += result.Count;
                        if (count > limit)
                        {
                            Log.MessageTooBig(host.Logger, limit);
                            await mailbox.Writer.WriteAsync(
                                new Inbound.Close(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {limit} bytes."),
                                lifetime.Token);
                            await DiscardUntilCloseAsync(buffer);
                            return;
                        }
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    await mailbox.Writer.WriteAsync(Decode(buffer.AsSpan(0, count), result.MessageType), lifetime.Token);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ChannelClosedException)
        {
            Log.SocketLost(host.Logger, ex.Message);
        }
        finally
        {
            mailbox.Writer.TryComplete();
        }
    }

    /// <summary>After a refused message, reads and drops frames until the client answers the close.</summary>
    private async Task DiscardUntilCloseAsync(byte[] buffer)
    {
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
        }
        while (result.MessageType != WebSocketMessageType.Close);
    }

    private static Inbound Decode(ReadOnlySpan<byte> frame, WebSocketMessageType type)
    {
        if (type == WebSocketMessageType.Binary)
        {
            return new Inbound.Rejected(new WireError(
                WireErrorCodes.BinaryFrame, "Binary frames are not supported; send JSON text frames."));
        }

        return ActionDecoder.TryDecode(frame, out var action, out var error)
            ? new Inbound.Received(action!)
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
