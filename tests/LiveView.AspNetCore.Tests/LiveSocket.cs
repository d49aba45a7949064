using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// A client socket that speaks the wire protocol, with timeouts so that a broken server fails a test. Snapshots of the
/// page's state (<c>{"state":...}</c>, which come when the state has been quiet a while) are kept aside, not returned
/// by <see cref="ReceiveTextAsync"/>: <see cref="ReceiveSnapshotAsync"/> waits for them.
/// </summary>
public sealed class LiveSocket(ClientWebSocket socket) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Queue<JsonElement> snapshots = new();

    public ClientWebSocket Socket { get; } = socket;

    public Task SendAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendBytesAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await Socket.SendAsync(bytes, type, endOfMessage: true, timeout.Token);
    }

    /// <summary>Sends <c>{"action": action, "data": {"lang": "en"}}</c>.</summary>
    public Task SendActionAsync(string action) =>
        SendAsync(JsonSerializer.Serialize(new { action, data = new { lang = "en" } }));

    /// <summary>The next text frame that is not a snapshot, as raw text.</summary>
    public async Task<string> ReceiveTextAsync()
    {
        while (true)
        {
            var text = await ReceiveAnyTextAsync();
            if (!IsSnapshot(text))
            {
                return text;
            }

            snapshots.Enqueue(JsonDocument.Parse(text).RootElement);
        }
    }

    /// <summary>The next snapshot frame (<c>{"state":"...","view":"..."}</c>); frames of other kinds before it are dropped.</summary>
    public async Task<JsonElement> ReceiveSnapshotAsync()
    {
        if (snapshots.TryDequeue(out var kept))
        {
            return kept;
        }

        while (true)
        {
            var text = await ReceiveAnyTextAsync();
            if (IsSnapshot(text))
            {
                return JsonDocument.Parse(text).RootElement;
            }
        }
    }

    /// <summary>
    /// Drops the snapshots kept aside so far: called once an answer has come, they are older than the state it
    /// answered with, whose snapshot comes after it.
    /// </summary>
    public void ForgetSnapshots() => snapshots.Clear();

    /// <summary>How many snapshots <see cref="ReceiveTextAsync"/> has kept aside so far.</summary>
    public int SnapshotsAside => snapshots.Count;

    private static bool IsSnapshot(string text) => text.StartsWith("""{"state":""", StringComparison.Ordinal);

    /// <summary>The next text frame, whatever it is, as raw text.</summary>
    public async Task<string> ReceiveAnyTextAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException(
                    $"The server closed the socket ({result.CloseStatus}: {result.CloseStatusDescription}).");
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }

    /// <summary>The next frame, parsed.</summary>
    public async Task<JsonElement> ReceiveAsync() => JsonDocument.Parse(await ReceiveTextAsync()).RootElement;

    /// <summary>Waits for the server's close frame and returns its status.</summary>
    public async Task<WebSocketCloseStatus?> ReceiveCloseAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[1024];
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return result.CloseStatus;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (WebSocketException)
            {
                // The server may already be gone.
            }
        }

        Socket.Dispose();
    }
}

/// <summary>Reading frames.</summary>
public static class Frames
{
    /// <summary>
    /// The text a frame shows: its <c>html</c> (a hand-written patch, or a v1 client's frame), else the text its one
    /// view change sets.
    /// </summary>
    public static string Shown(this JsonElement frame)
    {
        if (frame.TryGetProperty("html", out var html))
        {
            return html.GetString()!;
        }

        var change = Assert.Single(frame.GetProperty("changes").EnumerateArray());
        Assert.Equal(0, change[0].GetInt32()); // a text set
        return change[2].GetString()!;
    }
}
