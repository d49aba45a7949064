using System.Text.Json;

namespace LiveView.Redis.Tests;

/// <summary>
/// Real pages on two nodes, through real sockets: a room page on node A and one on node B are one room; what a page
/// or the hub sends on one node shows on the other, with no sticky sessions (each socket lands on either node).
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private static readonly Audience Room = Audience.Topic(RealTimePages.Topic);

    private Cluster cluster = null!;
    private RedisNode a = null!;
    private RedisNode b = null!;

    public async Task InitializeAsync()
    {
        cluster = await Cluster.StartAsync(2);
        (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    /// <summary>A tab on <paramref name="node"/> whose page is the room.</summary>
    private static async Task<Tab> EnterRoomAsync(RedisNode node)
    {
        var socket = await node.ConnectAsync();
        await socket.SendActionAsync("room->heard");
        Assert.Equal("0", (await socket.ReceiveAsync()).GetProperty("html").GetString());
        await socket.SendActionAsync("room->whoami");
        return new Tab(socket, (await socket.ReceiveAsync()).GetProperty("html").GetString()!);
    }

    private static async Task<JsonElement> PushAsync(LiveSocket socket)
    {
        var frame = await socket.ReceiveAsync();
        Assert.False(frame.TryGetProperty("action", out _), $"a push answers no action: {frame}");
        return frame;
    }

    [Fact]
    public async Task A_broadcast_from_a_page_on_one_node_shows_on_the_page_on_the_other()
    {
        await using var ann = await EnterRoomAsync(a);
        await using var bob = await EnterRoomAsync(b);
        await a.UntilListeningAsync(Room);
        await b.UntilListeningAsync(Room);

        await ann.Socket.SendAsync("""{"action":"room->say","form":{"text":"hello from A"}}""");

        Assert.Equal("room->say", (await ann.Socket.ReceiveAsync()).GetProperty("action").GetString());
        Assert.Equal("1:hello from A", (await PushAsync(ann.Socket)).GetProperty("html").GetString());
        Assert.Equal("1:hello from A", (await PushAsync(bob.Socket)).GetProperty("html").GetString());
    }

    [Fact]
    public async Task The_hub_on_one_node_reaches_a_tab_whose_socket_is_on_the_other()
    {
        await using var bob = await EnterRoomAsync(b);
        await b.UntilListeningAsync(Audience.Connection(bob.Id));

        await a.Hub.SendAsync(Audience.Connection(bob.Id), new Said("psst"));

        Assert.Equal("1:psst", (await PushAsync(bob.Socket)).GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_watcher_page_on_one_node_shows_who_is_in_the_room_on_both_in_the_order_every_node_lists()
    {
        await using var ann = await EnterRoomAsync(a);
        await using var bob = await EnterRoomAsync(b);
        await Eventually.TrueAsync(
            () => a.Keys(RealTimePages.Topic).SequenceEqual(b.Keys(RealTimePages.Topic)) && b.Keys(RealTimePages.Topic).Length == 2,
            "both nodes list both tabs, in the same order");
        var order = string.Join(",", a.Keys(RealTimePages.Topic));
        Assert.Equal($"{ann.Id},{bob.Id}", order);

        await using var watcher = await a.ConnectAsync();
        await watcher.SendActionAsync("watcher->look");
        Assert.Equal("watcher->look", (await watcher.ReceiveAsync()).GetProperty("action").GetString());
        Assert.Equal($"{order}|+2-0~0", (await PushAsync(watcher)).GetProperty("html").GetString());

        await bob.Socket.SendActionAsync("room->away");
        Assert.Equal($"{order}|+0-0~1away", (await PushAsync(watcher)).GetProperty("html").GetString());
    }
}

/// <summary>A browser tab: its socket and its connection id.</summary>
public sealed record Tab(LiveSocket Socket, string Id) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Socket.DisposeAsync();
}
