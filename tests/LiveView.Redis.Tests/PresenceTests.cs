namespace LiveView.Redis.Tests;

/// <summary>
/// Presence shared by nodes on one real Redis: the same lists (members and order) on every node, watchers told of
/// every change wherever it happened, a late node catching up, a dead node leaving within the documented bound, a
/// stopped one at once.
/// </summary>
public sealed class PresenceTests : IAsyncLifetime
{
    private const string Topic = "room:lobby";

    private RedisServer redis = null!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await redis.DisposeAsync();

    private static Presence As(string key, string status = "here") => new(key, new Dictionary<string, string> { ["status"] = status });

    /// <summary>Waits until every node lists exactly <paramref name="expected"/> (key:status), in that order.</summary>
    private static Task UntilAllListAsync(string[] expected, params RedisNode[] nodes) =>
        UntilAllListWithinAsync(Eventually.DefaultWait, expected, nodes);

    private static Task UntilAllListWithinAsync(TimeSpan within, string[] expected, params RedisNode[] nodes) =>
        Eventually.TrueAsync(
            () => nodes.All(n => Shown(n).SequenceEqual(expected)),
            $"every node lists {string.Join(",", expected)}; they list {string.Join(" / ", nodes.Select(n => string.Join(",", Shown(n))))}",
            within);

    private static string[] Shown(RedisNode node) => [.. node.Presence.List(Topic).Select(p => $"{p.Key}:{p.Meta["status"]}")];

    [Fact]
    public async Task Lists_agree_on_every_node_members_and_order_after_joins_updates_and_leaves_from_both()
    {
        await using var a = await RedisNode.StartAsync(redis.ConnectionString);
        await using var b = await RedisNode.StartAsync(redis.ConnectionString);
        await using var c = await RedisNode.StartAsync(redis.ConnectionString);

        using var ann = a.Presence.Track(Topic, As("ann"));
        await UntilAllListAsync(["ann:here"], a, b, c);
        using var bob = b.Presence.Track(Topic, As("bob"));
        await UntilAllListAsync(["ann:here", "bob:here"], a, b, c);
        var cy = a.Presence.Track(Topic, As("cy"));
        await UntilAllListAsync(["ann:here", "bob:here", "cy:here"], a, b, c);

        bob.Update(new Dictionary<string, string> { ["status"] = "away" });
        await UntilAllListAsync(["ann:here", "bob:away", "cy:here"], a, b, c);

        ann.Dispose();
        await UntilAllListAsync(["bob:away", "cy:here"], a, b, c);
        using var dee = b.Presence.Track(Topic, As("dee"));
        cy.Dispose();
        await UntilAllListAsync(["bob:away", "dee:here"], a, b, c);
    }

    [Fact]
    public async Task Lists_agree_on_every_node_when_both_nodes_join_at_the_same_time()
    {
        await using var a = await RedisNode.StartAsync(redis.ConnectionString);
        await using var b = await RedisNode.StartAsync(redis.ConnectionString);
        await using var c = await RedisNode.StartAsync(redis.ConnectionString);

        // Each node takes its own joins before the other's: only an order all nodes compute alike makes the lists agree.
        var joins = await Task.WhenAll(
            Task.Run(() => Enumerable.Range(1, 30).Select(i => a.Presence.Track(Topic, As($"a{i}"))).ToList()),
            Task.Run(() => Enumerable.Range(1, 30).Select(i => b.Presence.Track(Topic, As($"b{i}"))).ToList()));

        await Eventually.TrueAsync(() => a.Keys(Topic).Length == 60 && b.Keys(Topic).Length == 60 && c.Keys(Topic).Length == 60, "everyone is listed everywhere");
        Assert.Equal(a.Keys(Topic), b.Keys(Topic));
        Assert.Equal(a.Keys(Topic), c.Keys(Topic));
        foreach (var tracked in joins.SelectMany(j => j))
        {
            tracked.Dispose();
        }

        await UntilAllListAsync([], a, b, c);
    }

    [Fact]
    public async Task A_watcher_on_one_node_gets_the_joins_updates_and_leaves_made_on_another()
    {
        await using var a = await RedisNode.StartAsync(redis.ConnectionString);
        await using var b = await RedisNode.StartAsync(redis.ConnectionString);
        var watcher = new Inbox();
        using var watching = b.Presence.Watch(Topic, watcher);

        var ann = a.Presence.Track(Topic, As("ann"));
        await watcher.UntilAsync<PresenceChanged>(2);
        ann.Update(new Dictionary<string, string> { ["status"] = "away" });
        await watcher.UntilAsync<PresenceChanged>(3);
        ann.Dispose();
        var changes = await watcher.UntilAsync<PresenceChanged>(4);

        Assert.Empty(changes[0].Present);
        Assert.Equal("ann", Assert.Single(changes[1].Joined).Key);
        Assert.Equal("away", Assert.Single(changes[2].Updated).Meta["status"]);
        Assert.Equal("ann", Assert.Single(changes[3].Left).Key);
        Assert.Empty(changes[3].Present);
        Assert.Equal(4, watcher.Messages.Count);
    }

    [Fact]
    public async Task A_node_that_starts_late_lists_the_presences_made_before_it_started()
    {
        await using var a = await RedisNode.StartAsync(redis.ConnectionString);
        using var ann = a.Presence.Track(Topic, As("ann"));
        using var bob = a.Presence.Track(Topic, As("bob"));
        bob.Update(new Dictionary<string, string> { ["status"] = "away" });

        await using var late = await RedisNode.StartAsync(redis.ConnectionString);

        await UntilAllListAsync(["ann:here", "bob:away"], a, late);
    }

    [Fact]
    public async Task A_node_that_dies_leaves_the_other_nodes_lists_within_the_node_timeout_and_a_heartbeat()
    {
        // The default settings: a heartbeat every second, a node silent for 5 s is dropped.
        var options = new LiveViewRedisOptions();
        await using var a = await RedisNode.StartAsync(redis.ConnectionString);
        await using var b = await RedisNode.StartAsync(redis.ConnectionString);
        await using var c = await RedisNode.StartAsync(redis.ConnectionString);
        using var ann = a.Presence.Track(Topic, As("ann"));
        using var bob = b.Presence.Track(Topic, As("bob"));
        await UntilAllListAsync(["ann:here", "bob:here"], a, b, c);
        var watcher = new Inbox();
        using var watching = c.Presence.Watch(Topic, watcher);

        a.Die();

        // The documented bound, plus a second for the delivery of the last heartbeat and the test's polling.
        await UntilAllListWithinAsync(options.NodeTimeout + options.HeartbeatInterval + TimeSpan.FromSeconds(1), ["bob:here"], b, c);
        Assert.Equal("ann", Assert.Single(watcher.Of<PresenceChanged>()[^1].Left).Key);
        Assert.Contains(c.Logs.Entries, e => e.Message.Contains($"node {a.Id} was silent"));
    }

    [Fact]
    public async Task A_node_that_stops_cleanly_leaves_at_once()
    {
        // A node timeout far longer than the wait: only the goodbye can make the node leave in time.
        static void Patient(LiveViewRedisOptions options) => options.NodeTimeout = TimeSpan.FromMinutes(5);
        await using var a = await RedisNode.StartAsync(redis.ConnectionString, Patient);
        await using var b = await RedisNode.StartAsync(redis.ConnectionString, Patient);
        using var ann = a.Presence.Track(Topic, As("ann"));
        using var bob = b.Presence.Track(Topic, As("bob"));
        await UntilAllListAsync(["ann:here", "bob:here"], a, b);

        await a.StopAsync();

        await UntilAllListWithinAsync(TimeSpan.FromSeconds(3), ["bob:here"], b);
        Assert.Contains(b.Logs.Entries, e => e.Message.Contains($"node {a.Id} stopped"));
    }
}
