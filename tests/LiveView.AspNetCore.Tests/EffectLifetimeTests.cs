using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// How long an effect's work lives: a write finishes even when its tab closes; a result whose page is gone, or that
/// a newer effect of the same name replaced, is dropped and its Abandoned token fires.
/// </summary>
public sealed class EffectLifetimeTests : HostedTests
{
    [Fact]
    public async Task A_write_started_just_before_the_tab_closes_is_stored()
    {
        const int tabs = 20;
        for (var i = 0; i < tabs; i++)
        {
            var socket = await Host.ConnectAsync();
            await socket.SendAsync(JsonSerializer.Serialize(new { action = "store->save", data = new { id = i.ToString() } }));
            await socket.DisposeAsync(); // closes at once, without waiting for any answer
        }

        await Gates.UntilAsync(() => Host.Store.Items.Count == tabs, $"{tabs} messages stored");
        Assert.Equal(Enumerable.Range(0, tabs).Select(i => $"message {i}").Order(), Host.Store.Items.Order());
    }

    [Fact]
    public async Task An_action_sent_while_its_page_mounts_is_still_folded_when_the_tab_closes_at_once()
    {
        var socket = await Host.ConnectAsync();
        await socket.SendAsync("""{"action":"article->mount","data":{"slug":"gated"}}""");
        await Gates.UntilAsync(() => Host.Gates.Arrived("article") == 1, "the mount effect waits at its gate");
        await socket.SendAsync(JsonSerializer.Serialize(new { action = "article->save", data = new { id = "7" } }));
        await socket.DisposeAsync(); // the save waits for the mount; the tab is gone before the mount ends

        Host.Gates.Open("article");
        await Gates.UntilAsync(() => Host.Store.Items.Count == 1, "the message stored");
        Assert.Equal(["message 7"], Host.Store.Items);

        // The page mounted for it after the tab had gone listens to nothing: it is not left present in its topic.
        Assert.Empty(Host.App.Services.GetRequiredService<IPresence>().List(TestPages.ArticlesTopic));
    }

    [Fact]
    public async Task Closing_the_tab_fires_the_abandoned_token_of_its_effects()
    {
        var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("store->watch");
        Assert.True((await socket.ReceiveAsync()).GetProperty("loading").GetBoolean());
        Assert.Empty(Host.Store.Items);

        await socket.DisposeAsync();
        await Gates.UntilAsync(() => Host.Store.Items.Contains("abandoned"), "the effect saw its token fire");
    }

    [Fact]
    public async Task A_result_that_arrives_after_its_page_was_left_never_reaches_the_page_mounted_since()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("search->send_page");
        Assert.Equal("/search", (await socket.ReceiveAsync()).GetProperty("url").GetString());
        await socket.SendAsync("""{"action":"search->find","data":{"q":"cats","lang":"en"}}""");
        Assert.True((await socket.ReceiveAsync()).GetProperty("loading").GetBoolean());

        // Away and back: a fresh search page, while the first one's search still runs.
        await socket.SendActionAsync("counter->send_page");
        var frames = new List<JsonElement> { await socket.ReceiveAsync(), await socket.ReceiveAsync() };
        await socket.SendActionAsync("search->send_page");
        frames.Add(await socket.ReceiveAsync());

        var steps = Host.Clock.Readings;
        Host.Gates.Open("find");
        await Gates.UntilAsync(() => Host.Clock.Readings > steps, "the loop took the search's end");
        await socket.SendActionAsync("search->results");
        frames.Add(await socket.ReceiveAsync());

        // The first search was answered as done when its page was left; the fresh page never got its result.
        Assert.Equal(
            ["search->find", "counter->send_page", "search->send_page", "search->results"],
            frames.Select(f => f.GetProperty("action").GetString()));
        Assert.Equal("none", frames[^1].GetProperty("html").GetString());
        Assert.DoesNotContain(frames, f => f.GetRawText().Contains("found"));
    }

    [Fact]
    public async Task Load_more_clicked_three_times_quickly_loads_once_and_answers_each_click()
    {
        await using var socket = await Host.ConnectAsync();
        for (var i = 0; i < 3; i++)
        {
            await socket.SendActionAsync("feed->more");
        }

        // Each click is answered at once (loading); the first two are answered as done when the next replaces them.
        var frames = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            frames.Add(await socket.ReceiveTextAsync());
        }

        Host.Gates.Open("more");
        var loaded = await socket.ReceiveAsync();
        Assert.Equal(3, frames.Count(f => f == """{"action":"feed->more","loading":true}"""));
        Assert.Equal(2, frames.Count(f => f == """{"action":"feed->more"}"""));
        Assert.Equal("#items", loaded.GetProperty("selector").GetString());
        Assert.Equal("<li>3</li>", loaded.GetProperty("html").GetString());
        Assert.Equal("<li>4</li>", (await socket.ReceiveAsync()).GetProperty("html").GetString());

        // Nothing else was loaded: the next click loads 5 and 6.
        await socket.SendActionAsync("feed->more");
        Assert.Equal("""{"action":"feed->more","loading":true}""", await socket.ReceiveTextAsync());
        Assert.Equal("<li>5</li>", (await socket.ReceiveAsync()).GetProperty("html").GetString());
        Assert.Equal(2, Host.Gates.Passed("more")); // the latest of the three clicks, and the fourth
    }
}
