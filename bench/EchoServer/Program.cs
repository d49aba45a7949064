using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using LiveView.Bench.Servers;

// The baseline every LiveView figure is compared with: the least a server can do per message on the same
// transport (Kestrel, ASP.NET Core WebSockets): read one text message, write one text message of the size a
// LiveView reply has. Zero-byte reads keep idle sockets free of buffers, as LiveView's own loop does.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var replySize = builder.Configuration.GetValue("ReplyBytes", 60);
var reply = Encoding.UTF8.GetBytes(new string('x', replySize));

var app = builder.Build();
app.UseWebSockets();
app.MapBenchEndpoints();
app.Map("/ws", async context =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    while (true)
    {
        var ready = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
        if (ready.MessageType == WebSocketMessageType.Close)
        {
            break;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await socket.SendAsync(reply, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }

    if (socket.State == WebSocketState.CloseReceived)
    {
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }
});

app.Run();
