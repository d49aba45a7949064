using System.Net.WebSockets;

namespace LiveView.Bench.Load;

/// <summary>
/// Reads whole WebSocket messages into a buffer that grows to the largest message (one reader per buffer): the
/// bytes of a message are valid until the next read.
/// </summary>
public sealed class MessageBuffer(int initialSize)
{
    private byte[] message = new byte[initialSize];

    /// <summary>
    /// Reads one whole message from <paramref name="socket"/>. A close frame comes back as
    /// <see cref="WebSocketMessageType.Close"/> with no bytes.
    /// </summary>
    public async Task<(WebSocketMessageType Type, ReadOnlyMemory<byte> Payload)> ReceiveAsync(WebSocket socket, CancellationToken cancel = default)
    {
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (count == message.Length)
            {
                Array.Resize(ref message, message.Length * 2);
            }

            result = await socket.ReceiveAsync(message.AsMemory(count), cancel);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        return (result.MessageType, message.AsMemory(0, count));
    }
}
