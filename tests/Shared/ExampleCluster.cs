namespace LiveView.Deployment;

/// <summary>
/// An example deployed on two nodes (processes of their own on two loopback ports) behind Debian's nginx, round robin
/// and no affinity, on one Redis (messages, presence, the key ring). The Chat's nodes share one SQLite file (one
/// machine; a deployment on many machines shares a database server instead). Everything is stopped, by PID, when
/// disposed.
/// </summary>
public sealed class ExampleCluster : IAsyncDisposable
{
    private readonly string folder;

    private ExampleCluster(string folder, AppNode a, AppNode b, NginxProxy nginx)
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
    /// The Chat on two nodes, its flood limit out of the way: the solution's build of it, or the Chat.dll at
    /// <paramref name="assembly"/> (a published one).
    /// </summary>
    public static Task<ExampleCluster> ChatAsync(string redis, string? assembly = null) =>
        StartAsync(assembly ?? AppNode.BuiltAssembly("Chat"), "/sign-in", redis, folder => new Dictionary<string, string>
        {
            ["ConnectionStrings:Chat"] = $"Data Source={Path.Combine(folder, "chat.db")}",
            ["Chat:FloodMessages"] = "100000",
        });

    /// <summary>Snake on two nodes, with <paramref name="settings"/>.</summary>
    public static Task<ExampleCluster> SnakeAsync(string redis, IReadOnlyDictionary<string, string> settings) =>
        StartAsync(AppNode.BuiltAssembly("Snake"), "/", redis, _ => new Dictionary<string, string>(settings));

    private static async Task<ExampleCluster> StartAsync(
        string assembly, string ready, string redis, Func<string, Dictionary<string, string>> settings)
    {
        var folder = Directory.CreateTempSubdirectory("liveview-cluster-").FullName;
        var all = settings(folder);
        all["ConnectionStrings:Redis"] = redis;

        // One node first: it creates what the second then finds (the database, the key ring).
        var a = await AppNode.StartAsync(assembly, all, ready);
        var b = await AppNode.StartAsync(assembly, all, ready);
        var nginx = await NginxProxy.StartAsync(a.Address, b.Address);
        return new ExampleCluster(folder, a, b, nginx);
    }

    public Uri Url(string path) => new(Address, path);

    /// <summary>
    /// Kills (SIGKILL) the node that holds some of <paramref name="tabs"/>' sockets: the first node whose loss closes
    /// one (a node whose loss closes none is started again); the tabs that lost theirs.
    /// </summary>
    public async Task<List<T>> KillTheNodeOfSomeAsync<T>(IReadOnlyList<T> tabs, Func<T, PageSockets> sockets)
    {
        foreach (var node in Nodes)
        {
            var closedBefore = tabs.Select(tab => sockets(tab).Closed).ToList();
            await node.KillAsync();
            await Task.Delay(1_000); // the sockets of a dead node close at once: a second is plenty
            var dropped = tabs.Where((tab, i) => sockets(tab).Closed > closedBefore[i]).ToList();
            if (dropped.Count > 0)
            {
                return dropped;
            }

            await node.StartAsync();
        }

        throw new InvalidOperationException("No tab's socket was on either node.");
    }

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
