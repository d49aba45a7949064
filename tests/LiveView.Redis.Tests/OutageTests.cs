using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace LiveView.Redis.Tests;

/// <summary>
/// Redis goes away (its process killed) and comes back on the same port: each node goes on alone, logs the outage once,
/// reports it in its health check, drops what it would have sent, and takes up cross-node messages and presence again
/// by itself.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private const string Topic = "room:lobby";

    private static readonly Audience Room = Audience.Topic(Topic);

    private RedisServer redis = null!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await redis.DisposeAsync();

    // Short heartbeats, so that the nodes drop each other and find each other again quickly.
    private static void Quick(LiveViewRedisOptions options)
    {
        options.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
        options.NodeTimeout = TimeSpan.FromSeconds(1);
    }

    private static Presence As(string key) => new(key, new Dictionary<string, string>());

    private static string Keys(RedisNode node) => string.Join(",", node.Keys(Topic));

    private static IEnumerable<LogEntry> Outages(RedisNode node) =>
        node.Logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains("cannot reach Redis"));

    /// <summary>Sends numbered messages from <paramref name="from"/> until one reaches <paramref name="inbox"/>.</summary>
    private static async Task UntilDeliveredAsync(RedisNode from, Inbox inbox, int first)
    {
        var n = first;
        await Eventually.TrueAsync(
            () =>
            {
                _ = from.Hub.SendAsync(Room, new Numbered(from.Id, n++));
                return inbox.Of<Numbered>().Any(m => m.N >= first);
            },
            "a message crosses nodes again",
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task While_redis_is_down_each_node_works_alone_then_delivery_and_presence_resume_by_themselves()
    {
        await using var a = await RedisNode.StartAsync(redis.ConnectionString, Quick);
        await using var b = await RedisNode.StartAsync(redis.ConnectionString, Quick);
        Inbox onA = new(), onB = new();
        using var subA = await a.SubscribeAsync(Room, onA);
        using var subB = await b.SubscribeAsync(Room, onB);
        using var ann = a.Presence.Track(Topic, As("ann"));
        using var bob = b.Presence.Track(Topic, As("bob"));
        await Eventually.TrueAsync(() => Keys(a) == "ann,bob" && Keys(b) == "ann,bob", "both nodes list ann and bob");

        redis.Kill();
        await Eventually.TrueAsync(() => !a.Connection.IsConnected && !b.Connection.IsConnected, "the nodes see Redis gone");

        // This node's pages go on: messages and presence in memory.
        for (var n = 1; n <= 50; n++)
        {
            await a.Hub.SendAsync(Room, new Numbered(a.Id, n));
        }

        Assert.Equal(50, onA.Of<Numbered>().Count);
        using var cy = a.Presence.Track(Topic, As("cy"));
        Assert.Contains("cy", a.Keys(Topic));

        // Seen: once in the log however many messages were dropped, and in the health check.
        var health = await a.HealthAsync();
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("Redis is unreachable", health.Entries["liveview-redis"].Description);
        using (var http = new HttpClient { BaseAddress = a.Address })
        {
            var response = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
        }

        Assert.Single(Outages(a));

        // Unheard for the node timeout, the other node's presences leave this node's lists.
        await Eventually.TrueAsync(() => Keys(a) == "ann,cy" && Keys(b) == "bob", "each node lists only its own presences");

        await redis.RunAsync();

        await Eventually.TrueAsync(() => a.Connection.IsConnected && b.Connection.IsConnected, "the nodes reach Redis again", TimeSpan.FromSeconds(30));
        Assert.Equal(HealthStatus.Healthy, (await a.HealthAsync()).Status);
        await UntilDeliveredAsync(a, onB, first: 1000);
        await UntilDeliveredAsync(b, onA, first: 2000);
        await Eventually.TrueAsync(() => Keys(a) == "ann,bob,cy" && Keys(b) == "ann,bob,cy", "both nodes list everyone again, cy too");

        // What was sent while Redis was down was dropped, not queued.
        Assert.DoesNotContain(onB.Of<Numbered>(), m => m.N <= 50);
        Assert.Single(Outages(a));
        Assert.Contains(a.Logs.Entries, e => e.Message.Contains("reaches Redis again") && e.Message.Contains("50 messages were not sent"));
    }

    [Fact]
    public async Task A_node_started_while_redis_is_down_serves_its_own_pages_and_joins_the_others_when_redis_comes()
    {
        redis.Kill();
        await using var a = await RedisNode.StartAsync(redis.ConnectionString, Quick, connected: false);
        var onA = new Inbox();
        using var subA = a.PubSub.Subscribe(Room, onA);
        await a.Hub.SendAsync(Room, new Numbered(a.Id, 1));
        Assert.Single(onA.Of<Numbered>());
        Assert.NotEqual(HealthStatus.Healthy, (await a.HealthAsync()).Status);
        using var ann = a.Presence.Track(Topic, As("ann"));

        await redis.RunAsync();
        await Eventually.TrueAsync(() => a.Connection.IsConnected, "the node reaches Redis once it runs", TimeSpan.FromSeconds(30));
        await using var b = await RedisNode.StartAsync(redis.ConnectionString, Quick);
        var onB = new Inbox();
        using var subB = await b.SubscribeAsync(Room, onB);

        await a.UntilListeningAsync(Room);
        await UntilDeliveredAsync(b, onA, first: 1000);
        await UntilDeliveredAsync(a, onB, first: 2000);
        await Eventually.TrueAsync(() => Keys(b) == "ann", "the other node lists the presence made before Redis came");
    }
}
