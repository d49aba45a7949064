namespace LiveView.Redis.Tests;

/// <summary>A real Redis and nodes on it, started together, stopped together.</summary>
public sealed class Cluster : IAsyncDisposable
{
    private Cluster(RedisServer redis, RedisNode[] nodes)
    {
        Redis = redis;
        Nodes = nodes;
    }

    public RedisServer Redis { get; }

    public RedisNode[] Nodes { get; }

    /// <summary>Starts a redis-server and <paramref name="count"/> nodes on it, each reaching it.</summary>
    public static async Task<Cluster> StartAsync(int count)
    {
        var redis = await RedisServer.StartAsync();
        var nodes = new RedisNode[count];
        for (var i = 0; i < count; i++)
        {
            nodes[i] = await RedisNode.StartAsync(redis.ConnectionString);
        }

        return new Cluster(redis, nodes);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
