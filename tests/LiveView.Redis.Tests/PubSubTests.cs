using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LiveView.Redis.Tests;

/// <summary>
/// Messages across three nodes on one real Redis: every audience reaches its receivers on every node, each message
/// exactly once and in the order sent; only types a page handles are read from Redis.
/// </summary>
public sealed class PubSubTests : IAsyncLifetime
{
    private Cluster cluster = null!;
    private RedisNode a = null!;
    private RedisNode b = null!;
    private RedisNode c = null!;

    public async Task InitializeAsync()
    {
        cluster = await Cluster.StartAsync(3);
        (a, b, c) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    /// <summary>
    /// Sends <paramref name="count"/> numbered messages to <paramref name="audience"/> from <paramref name="from"/>, then
    /// waits until each inbox has them and a last one, so that a duplicate or a straggler would show.
    /// </summary>
    private static async Task SendAndSettleAsync(RedisNode from, Audience audience, int count, params Inbox[] inboxes)
    {
        for (var n = 1; n <= count + 1; n++)
        {
            await from.Hub.SendAsync(audience, new Numbered(from.Id, n));
        }

        foreach (var inbox in inboxes)
        {
            await Eventually.TrueAsync(() => inbox.Of<Numbered>().Any(m => m.From == from.Id && m.N == count + 1), "the last message arrives");
        }
    }

    private static int[] Numbers(Inbox inbox) => [.. inbox.Of<Numbered>().Select(m => m.N)];

    [Fact]
    public async Task A_topic_reaches_its_subscribers_on_every_node_once_each_in_order_and_nobody_else()
    {
        Inbox onA = new(), onB = new(), onC = new(), otherTopic = new();
        using var subA = await a.SubscribeAsync(Audience.Topic("room:1"), onA);
        using var subB = await b.SubscribeAsync(Audience.Topic("room:1"), onB);
        using var subC = await c.SubscribeAsync(Audience.Topic("room:1"), onC);
        using var other = await b.SubscribeAsync(Audience.Topic("room:2"), otherTopic);

        await SendAndSettleAsync(a, Audience.Topic("room:1"), 20, onA, onB, onC);

        int[] sent = [.. Enumerable.Range(1, 21)];
        Assert.Equal(sent, Numbers(onA));
        Assert.Equal(sent, Numbers(onB));
        Assert.Equal(sent, Numbers(onC));
        Assert.Empty(otherTopic.Messages);
    }

    [Fact]
    public async Task A_users_tabs_on_every_node_get_a_message_to_the_user_and_another_users_do_not()
    {
        Inbox annOnA = new(), annOnB = new(), bobOnB = new();
        using var tab1 = await a.SubscribeAsync(Audience.User("ann"), annOnA);
        using var tab2 = await b.SubscribeAsync(Audience.User("ann"), annOnB);
        using var bobs = await b.SubscribeAsync(Audience.User("bob"), bobOnB);

        await SendAndSettleAsync(c, Audience.User("ann"), 5, annOnA, annOnB);

        Assert.Equal([1, 2, 3, 4, 5, 6], Numbers(annOnA));
        Assert.Equal([1, 2, 3, 4, 5, 6], Numbers(annOnB));
        Assert.Empty(bobOnB.Messages);
    }

    [Fact]
    public async Task A_message_to_a_connection_reaches_that_connection_on_its_node_only()
    {
        Inbox tab = new(), otherTab = new();
        using var one = await b.SubscribeAsync(Audience.Connection("tab-1"), tab);
        using var two = await c.SubscribeAsync(Audience.Connection("tab-2"), otherTab);

        await SendAndSettleAsync(a, Audience.Connection("tab-1"), 3, tab);

        Assert.Equal([1, 2, 3, 4], Numbers(tab));
        Assert.Empty(otherTab.Messages);
    }

    [Fact]
    public async Task A_message_to_everyone_reaches_every_node_once()
    {
        Inbox onA = new(), onB = new(), onC = new();
        using var subA = await a.SubscribeAsync(Audience.Everyone, onA);
        using var subB = await b.SubscribeAsync(Audience.Everyone, onB);
        using var subC = await c.SubscribeAsync(Audience.Everyone, onC);

        await SendAndSettleAsync(b, Audience.Everyone, 3, onA, onB, onC);

        Assert.Equal([1, 2, 3, 4], Numbers(onA));
        Assert.Equal([1, 2, 3, 4], Numbers(onB));
        Assert.Equal([1, 2, 3, 4], Numbers(onC));
    }

    [Fact]
    public async Task Ten_thousand_messages_from_two_nodes_reach_three_nodes_none_lost_none_twice_each_senders_in_order()
    {
        var topic = Audience.Topic("load");
        Inbox onA = new(), onB = new(), onC = new();
        using var subA = await a.SubscribeAsync(topic, onA);
        using var subB = await b.SubscribeAsync(topic, onB);
        using var subC = await c.SubscribeAsync(topic, onC);

        await Task.WhenAll(
            Task.Run(async () => await SendAndSettleAsync(a, topic, 4999, onA, onB, onC)),
            Task.Run(async () => await SendAndSettleAsync(b, topic, 4999, onA, onB, onC)));

        foreach (var inbox in new[] { onA, onB, onC })
        {
            var got = inbox.Of<Numbered>();
            Assert.Equal(10_000, got.Count);
            Assert.Equal([.. Enumerable.Range(1, 5000)], got.Where(m => m.From == a.Id).Select(m => m.N));
            Assert.Equal([.. Enumerable.Range(1, 5000)], got.Where(m => m.From == b.Id).Select(m => m.N));
        }
    }

    [Fact]
    public async Task Stopping_the_last_receiver_stops_listening_to_the_audience_on_redis()
    {
        var topic = Audience.Topic("brief");
        Inbox first = new(), second = new();
        var one = await b.SubscribeAsync(topic, first);
        var two = await b.SubscribeAsync(topic, second);
        var channels = b.App.Services.GetRequiredService<RedisChannels>();
        var channel = b.App.Services.GetRequiredService<AudienceChannels>().Of(topic);

        one.Dispose();
        await a.Hub.SendAsync(topic, new Numbered(a.Id, 1));
        await second.UntilAsync<Numbered>(1);
        Assert.True(channels.IsListening(channel), "one receiver is left");

        two.Dispose();
        await Eventually.TrueAsync(() => !channels.IsListening(channel), "no receiver left: the node stops listening");
        Assert.Equal(0, await SubscribersAsync(channel.ToString()));
    }

    [Fact]
    public async Task F_sharp_unions_and_records_travel_as_themselves()
    {
        Inbox onB = new();
        using var sub = await b.SubscribeAsync(Audience.Topic("fsharp"), onB);
        var union = Subscription.Track("room:9", "ann", new Dictionary<string, string> { ["status"] = "away" });
        var ann = new Presence("ann", new Dictionary<string, string> { ["status"] = "here" });
        var record = new PresenceChanged("room:9", [ann], [ann], [], []);

        await a.Hub.SendAsync(Audience.Topic("fsharp"), union);
        await a.Hub.SendAsync(Audience.Topic("fsharp"), record);

        Assert.Equal(union, Assert.Single(await onB.UntilAsync<Subscription>(1)));
        var changed = Assert.Single(await onB.UntilAsync<PresenceChanged>(1));
        Assert.Equal("room:9", changed.Topic);
        Assert.Equal("here", Assert.Single(changed.Present).Meta["status"]);
        Assert.Equal("ann", Assert.Single(changed.Joined).Key);
        Assert.Empty(changed.Left);
    }

    [Fact]
    public async Task A_message_of_a_type_no_page_handles_is_delivered_on_its_node_only_and_dropped_with_a_warning_elsewhere()
    {
        Inbox onA = new(), onB = new();
        using var subA = await a.SubscribeAsync(Audience.Topic("t"), onA);
        using var subB = await b.SubscribeAsync(Audience.Topic("t"), onB);

        await a.Hub.SendAsync(Audience.Topic("t"), new Unhandled("not for you"));
        await a.Hub.SendAsync(Audience.Topic("t"), new Numbered(a.Id, 1));

        // Messages of one sender arrive in order: the number came after the refused message was dropped.
        await onB.UntilAsync<Numbered>(1);
        Assert.Empty(onB.Of<Unhandled>());
        Assert.Single(onA.Of<Unhandled>());
        Assert.Contains(b.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Unhandled") && e.Message.Contains("no registered page handles"));
    }

    [Fact]
    public async Task A_message_naming_an_arbitrary_type_is_never_read()
    {
        Inbox onB = new();
        using var subB = await b.SubscribeAsync(Audience.Topic("t"), onB);
        var channel = b.App.Services.GetRequiredService<AudienceChannels>().Of(Audience.Topic("t"));
        await using var intruder = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString);

        var forged = """{"n":"intruder","a":"System.Private.CoreLib","t":"System.IO.FileInfo","m":{"originalPath":"/etc/passwd"}}""";
        await intruder.GetSubscriber().PublishAsync(channel, Encoding.UTF8.GetBytes(forged));
        await a.Hub.SendAsync(Audience.Topic("t"), new Numbered(a.Id, 1));

        await onB.UntilAsync<Numbered>(1);
        Assert.Single(onB.Messages);
        Assert.Contains(b.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("System.IO.FileInfo"));
    }

    [Fact]
    public async Task A_message_that_cannot_be_written_as_json_reaches_its_own_node_and_is_logged_once()
    {
        Inbox onA = new(), onB = new();
        using var subA = await a.SubscribeAsync(Audience.Topic("t"), onA);
        using var subB = await b.SubscribeAsync(Audience.Topic("t"), onB);

        await a.Hub.SendAsync(Audience.Topic("t"), new Unwritable(() => 1));
        await a.Hub.SendAsync(Audience.Topic("t"), new Unwritable(() => 2));
        await a.Hub.SendAsync(Audience.Topic("t"), new Numbered(a.Id, 1));

        await onB.UntilAsync<Numbered>(1);
        Assert.Equal(2, onA.Of<Unwritable>().Count);
        Assert.Empty(onB.Of<Unwritable>());
        Assert.Single(a.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Unwritable"));
    }

    private async Task<long> SubscribersAsync(string channel)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString);
        var result = (RedisResult[])(await admin.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", channel))!;
        return (long)result[1];
    }
}
