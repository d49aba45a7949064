using System.Net.WebSockets;
using LiveView.Bench.Servers;

namespace LiveView.Bench.Load;

/// <summary>The server's memory per idle connection.</summary>
/// <param name="Connections">Sockets opened, each of which did one round trip (so a LiveView page is mounted) and then idled.</param>
/// <param name="StillOpen">How many were still open when the memory was read.</param>
/// <param name="Baseline">Server memory after a full GC, before the sockets opened.</param>
/// <param name="Loaded">Server memory after a full GC, with every socket open.</param>
/// <param name="Present">Pages the server counted present in a topic meanwhile, when it was asked.</param>
public sealed record IdleResult(int Connections, int StillOpen, MemoryReading Baseline, MemoryReading Loaded, int? Present = null)
{
    /// <summary>RSS growth per connection.</summary>
    public double BytesPerConnection => Connections == 0 ? 0 : (double)(Loaded.Rss - Baseline.Rss) / Connections;

    /// <summary>Managed heap growth per connection.</summary>
    public double HeapPerConnection => Connections == 0 ? 0 : (double)(Loaded.ManagedHeap - Baseline.ManagedHeap) / Connections;
}

/// <summary>Opens N sockets that do one round trip each and then sit idle; reads the server's RSS per socket.</summary>
public static class IdleProbe
{
    /// <summary>
    /// Opens <paramref name="connections"/> sockets that send <paramref name="request"/> and read its answer, reads the
    /// server's memory with all of them idle, and then, when given, <paramref name="countPresent"/>.
    /// </summary>
    public static async Task<IdleResult> RunAsync(
        ServerProcess server, Uri socket, byte[] request, int connections, Func<Task<int>>? countPresent = null)
    {
        var baseline = await server.ReadMemoryAsync();

        var sockets = await LoadGenerator.OpenAsync(socket, connections);
        try
        {
            foreach (var chunk in sockets.Chunk(200))
            {
                await Task.WhenAll(chunk.Select(async ws =>
                {
                    var own = new byte[4096];
                    await ws.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await ws.ReceiveAsync(own.AsMemory(), CancellationToken.None);
                    }
                    while (!result.EndOfMessage);
                }));
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            var loaded = await server.ReadMemoryAsync();
            var open = sockets.Count(s => s.State == WebSocketState.Open);
            int? present = countPresent is null ? null : await countPresent();
            return new IdleResult(connections, open, baseline, loaded, present);
        }
        finally
        {
            await LoadGenerator.CloseAsync(sockets);
        }
    }
}
