using LiveView.Bench.Servers;

namespace LiveView.Bench.Hostile;

/// <summary>
/// The published Website example, started as its own process with a fresh SQLite file (created and seeded on its
/// first run) in a folder of its own, deleted when the server stops.
/// </summary>
public sealed class WebsiteServer : IAsyncDisposable
{
    private readonly string folder;

    private WebsiteServer(ServerProcess server, string folder, ServerLog log)
    {
        Server = server;
        this.folder = folder;
        Log = log;
    }

    public ServerProcess Server { get; }

    /// <summary>What the server printed.</summary>
    public ServerLog Log { get; }

    /// <summary>The socket endpoint, asking for the protocol extensions like the browser client.</summary>
    public Uri Socket => Server.WebSocket("/ws/liveview/?protocol=2");

    /// <summary>Starts <paramref name="dll"/> (Website.dll, published) in Production on a free loopback port.</summary>
    public static async Task<WebsiteServer> StartAsync(string dll, TextWriter console)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"liveview-hostile-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var log = new ServerLog(console, "Website");
        var variables = new Dictionary<string, string>
        {
            ["ConnectionStrings__Site"] = $"Data Source={Path.Combine(folder, "site.db")}",
        };
        try
        {
            var server = await ServerProcess.StartAsync(dll, "Production", [], variables, log.Add);
            return new WebsiteServer(server, folder, log);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary folder stays behind.
        }
    }
}
