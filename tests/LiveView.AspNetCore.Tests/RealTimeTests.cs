using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// Push from anywhere over real sockets: to a topic, a connection, a user's tabs, everyone; subscriptions that end
/// with the page; presence; timers; a throwing message handler; streaming effects.
/// </summary>
public sealed class RealTimeTests : IAsyncLifetime
{
    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private ILiveHub Hub => host.App.Services.GetRequiredService<ILiveHub>();

    private IPresence Presence => host.App.Services.GetRequiredService<IPresence>();

    /// <summary>A socket whose page is the room (mounted by its first action, as a v1 client's would be).</summary>
    private async Task<LiveSocket> EnterRoomAsync()
    {
        var socket = await host.ConnectAsync();
        await socket.SendActionAsync("room->heard");
        Assert.Equal("0", (await socket.ReceiveAsync()).GetProperty("html").GetString());
        return socket;
    }

    private static async Task<string> WhoAmIAsync(LiveSocket socket)
    {
        await socket.SendActionAsync("room->whoami");
        return (await socket.ReceiveAsync()).GetProperty("html").GetString()!;
    }

    /// <summary>The next frame must be the answer to <paramref name="action"/>: nothing was pushed before it.</summary>
    private static async Task<JsonElement> NothingPushedBeforeAsync(LiveSocket socket, string action)
    {
        await socket.SendActionAsync(action);
        var frame = await socket.ReceiveAsync();
        Assert.True(frame.TryGetProperty("action", out var answered), $"a push arrived: {frame}");
        Assert.Equal(action, answered.GetString());
        return frame;
    }

    private static async Task<JsonElement> PushAsync(LiveSocket socket)
    {
        var frame = await socket.ReceiveAsync();
        Assert.False(frame.TryGetProperty("action", out _), $"a push answers no action: {frame}");
        return frame;
    }

    private async Task UntilPresentAsync(params string[] keys)
    {
        for (var i = 0; i < 200 && !Presence.List(RealTimePages.Topic).Select(p => p.Key).SequenceEqual(keys); i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(keys, Presence.List(RealTimePages.Topic).Select(p => p.Key));
    }

    [Fact]
    public async Task A_message_to_a_topic_reaches_every_page_subscribed_to_it_and_no_other()
    {
        await using var ann = await EnterRoomAsync();
        await using var bob = await EnterRoomAsync();
        await using var cy = await host.ConnectAsync();
        await cy.SendActionAsync("counter->increment");
        await cy.ReceiveAsync();

        var sending = Hub.SendAsync(Audience.Topic(RealTimePages.Topic), new Said("hello"));
        Assert.True(sending.IsCompletedSuccessfully, "the hub does not wait for sockets");

        Assert.Equal("#said", (await PushAsync(ann)).GetProperty("selector").GetString());
        Assert.Equal("1:hello", (await PushAsync(bob)).GetProperty("html").GetString());
        await NothingPushedBeforeAsync(cy, "counter->increment");
    }

    [Fact]
    public async Task A_pages_broadcast_reaches_its_topic_the_sender_included_once_the_fold_succeeded()
    {
        await using var ann = await EnterRoomAsync();
        await using var bob = await EnterRoomAsync();

        await ann.SendAsync("""{"action":"room->say","form":{"text":"hi all"}}""");
        Assert.Equal("room->say", (await ann.ReceiveAsync()).GetProperty("action").GetString());
        Assert.Equal("1:hi all", (await PushAsync(ann)).GetProperty("html").GetString());
        Assert.Equal("1:hi all", (await PushAsync(bob)).GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_message_to_a_connection_reaches_that_tab_only()
    {
        await using var ann = await EnterRoomAsync();
        await using var bob = await EnterRoomAsync();
        var annId = await WhoAmIAsync(ann);
        Assert.NotEqual(annId, await WhoAmIAsync(bob));

        await Hub.SendAsync(Audience.Connection(annId), new Said("psst"));

        Assert.Equal("1:psst", (await PushAsync(ann)).GetProperty("html").GetString());
        await NothingPushedBeforeAsync(bob, "room->heard");
    }

    [Fact]
    public async Task A_message_to_everyone_reaches_every_connection_and_a_page_without_a_handler_drops_it()
    {
        await using var ann = await EnterRoomAsync();
        await using var cy = await host.ConnectAsync();
        await cy.SendActionAsync("counter->increment");
        await cy.ReceiveAsync();

        await Hub.SendAsync(Audience.Everyone, new Said("to all"));

        Assert.Equal("1:to all", (await PushAsync(ann)).GetProperty("html").GetString());
        await NothingPushedBeforeAsync(cy, "counter->increment");
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("has no handler for the message Said from everyone"));
    }

    [Fact]
    public async Task Leaving_the_page_or_closing_the_tab_ends_its_subscriptions()
    {
        await using var ann = await EnterRoomAsync();
        var bob = await EnterRoomAsync();
        var annId = await WhoAmIAsync(ann);
        var bobId = await WhoAmIAsync(bob);
        await UntilPresentAsync(annId, bobId);

        // Ann's first action on another page mounts it in place of the room.
        await ann.SendActionAsync("counter->increment");
        await ann.ReceiveAsync();
        await UntilPresentAsync(bobId);
        await Hub.SendAsync(Audience.Topic(RealTimePages.Topic), new Said("still here?"));
        Assert.Equal("1:still here?", (await PushAsync(bob)).GetProperty("html").GetString());
        await NothingPushedBeforeAsync(ann, "counter->increment");

        await bob.DisposeAsync();
        await UntilPresentAsync();
    }

    [Fact]
    public async Task A_message_handler_that_throws_leaves_the_state_and_the_other_subscribers_untouched()
    {
        await using var ann = await EnterRoomAsync();
        await using var bob = await EnterRoomAsync();

        await Hub.SendAsync(Audience.Topic(RealTimePages.Topic), new Said("one"));
        await Hub.SendAsync(Audience.Topic(RealTimePages.Topic), new Poison());
        await Hub.SendAsync(Audience.Topic(RealTimePages.Topic), new Said("two"));

        foreach (var socket in new[] { ann, bob })
        {
            Assert.Equal("1:one", (await PushAsync(socket)).GetProperty("html").GetString());
            Assert.Equal("2:two", (await PushAsync(socket)).GetProperty("html").GetString());
            Assert.Equal("2", (await NothingPushedBeforeAsync(socket, "room->heard")).GetProperty("html").GetString());
        }

        Assert.Equal(2, host.Logs.Entries.Count(e => e.Exception?.Message == "poisoned"));
    }

    [Fact]
    public async Task A_timer_ticks_while_the_state_asks_for_it_and_never_after()
    {
        await using var ann = await EnterRoomAsync();
        await ann.SendActionAsync("room->tick_on");
        Assert.Equal("room->tick_on", (await ann.ReceiveAsync()).GetProperty("action").GetString());
        Assert.Equal("1", (await PushAsync(ann)).GetProperty("html").GetString());
        Assert.Equal("2", (await PushAsync(ann)).GetProperty("html").GetString());

        await ann.SendActionAsync("room->tick_off");
        var frame = await ann.ReceiveAsync();
        while (!frame.TryGetProperty("action", out _))
        {
            frame = await ann.ReceiveAsync(); // ticks taken before tick_off
        }

        await Task.Delay(200); // ten periods: a tick that still came would be pushed before the next answer
        await NothingPushedBeforeAsync(ann, "room->heard");
    }

    [Fact]
    public async Task Presence_tells_a_watcher_who_is_there_then_every_join_update_and_leave()
    {
        await using var watcher = await host.ConnectAsync();
        await using var ann = await EnterRoomAsync();
        var annId = await WhoAmIAsync(ann);
        await UntilPresentAsync(annId);

        await watcher.SendActionAsync("watcher->look");
        Assert.Equal("watcher->look", (await watcher.ReceiveAsync()).GetProperty("action").GetString());
        Assert.Equal($"{annId}|+1-0~0", (await PushAsync(watcher)).GetProperty("html").GetString());

        var bob = await EnterRoomAsync();
        var bobId = await WhoAmIAsync(bob);
        Assert.Equal($"{annId},{bobId}|+1-0~0", (await PushAsync(watcher)).GetProperty("html").GetString());

        // A new meta is one update in place: ann stays first, and nobody left or joined.
        await ann.SendActionAsync("room->away");
        Assert.Equal($"{annId},{bobId}|+0-0~1away", (await PushAsync(watcher)).GetProperty("html").GetString());
        Assert.Equal("away", Presence.List(RealTimePages.Topic)[0].Meta["status"]);

        await bob.DisposeAsync();
        Assert.Equal($"{annId}|+0-1~0", (await PushAsync(watcher)).GetProperty("html").GetString());
    }

    [Fact]
    public async Task An_effect_that_reports_as_it_goes_folds_each_item_in_order_and_the_last_frame_ends_loading()
    {
        await using var ann = await EnterRoomAsync();
        await ann.SendActionAsync("room->progress");

        var frames = new List<JsonElement>();
        do
        {
            frames.Add(await ann.ReceiveAsync());
        }
        while (frames[^1].TryGetProperty("loading", out _));

        var shown = frames.Where(f => f.TryGetProperty("html", out _)).Select(f => f.GetProperty("html").GetString());
        Assert.Equal(["1/3", "2/3", "3/3"], shown);
        Assert.All(frames, f => Assert.Equal("room->progress", f.GetProperty("action").GetString()));
        Assert.All(frames[..^1], f => Assert.True(f.GetProperty("loading").GetBoolean()));
    }
}
