using Microsoft.Data.Sqlite;

namespace LiveView.Browser.Tests.Cluster;

/// <summary>
/// The Chat example deployed on two nodes (processes of their own on two loopback ports) behind Debian's nginx, round
/// robin and no affinity, sharing one SQLite file (one machine; a deployment on many machines shares a database
/// server instead) and the settings given. Everything is stopped, by PID, when disposed.
/// </summary>
public sealed class ChatCluster : IAsyncDisposable
{
    private readonly string folder;

    private ChatCluster(string folder, AppNode a, AppNode b, NginxProxy nginx)
    {
        this.folder = folder;
        A = a;
        B = b;
        Nginx = nginx;
    }

    /// <summary>The first node.</summary>
    public AppNode A { get; }

    /// <summary>The second node.</summary>
    public AppNode B { get; }

    /// <summary>The proxy the browsers go through.</summary>
    public NginxProxy Nginx { get; }

    /// <summary>The address the users have: nginx's.</summary>
    public Uri Address => Nginx.Address;

    /// <summary>Both nodes.</summary>
    public IReadOnlyList<AppNode> Nodes => [A, B];

    /// <summary>
    /// Starts both nodes, on the Redis at <paramref name="redis"/> when given (else each on its own: in-memory real
    /// time), then nginx in front of them.
    /// </summary>
    public static async Task<ChatCluster> StartAsync(string? redis = null)
    {
        var folder = Directory.CreateTempSubdirectory("liveview-cluster-").FullName;
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:Chat"] = $"Data Source={Path.Combine(folder, "chat.db")}",
            ["Chat:FloodMessages"] = "100000",
        };
        if (redis is not null)
        {
            all["ConnectionStrings:Redis"] = redis;
        }

        // One node first: it creates the database, which the second then finds.
        var a = await AppNode.StartAsync("Chat", all, ready: "/sign-in");
        var b = await AppNode.StartAsync("Chat", all, ready: "/sign-in");
        var nginx = await NginxProxy.StartAsync(a.Address, b.Address);
        return new ChatCluster(folder, a, b, nginx);
    }

    public Uri Url(string path) => new(Address, path);

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
