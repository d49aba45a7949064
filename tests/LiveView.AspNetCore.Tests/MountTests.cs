namespace LiveView.AspNetCore.Tests;

/// <summary>One mount for every way a page is reached, and what follows the state after it.</summary>
public sealed class MountTests : HostedTests
{
    [Theory]
    [InlineData("")]
    [InlineData("?protocol=2")]
    public async Task A_first_action_without_a_mount_runs_the_pages_mount_effects_before_it(string protocol)
    {
        // A Django LiveView v1 client never sends mount: its first action must find the page fully mounted.
        await using var socket = await Host.ConnectAsync(query: protocol);
        await socket.SendActionAsync("article->show");
        var frame = await socket.ReceiveAsync();
        Assert.Equal("article->show", frame.GetProperty("action").GetString());
        Assert.Equal("Hello, ?!", frame.GetProperty("html").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?protocol=2")]
    public async Task A_first_action_without_a_mount_mounts_its_page_with_the_actions_data_as_its_parameters(string protocol)
    {
        // A v1 client has no mount to carry the route's values: the elements that act carry them (data-slug).
        await using var socket = await Host.ConnectAsync(query: protocol);
        await socket.SendAsync("""{"action":"article->show","data":{"slug":"from-data","lang":"en"}}""");
        Assert.Equal("Hello, from-data!", (await socket.ReceiveAsync()).GetProperty("html").GetString());
    }

    [Fact]
    public async Task The_document_title_follows_the_state_after_every_action()
    {
        await using var v1 = await Host.ConnectAsync(query: "");
        await v1.SendActionAsync("counter->increment");
        Assert.Equal(
            """{"action":"counter->increment","selector":"#count","html":"1","title":"Counter: 1 · LiveView QuickStart"}""",
            await v1.ReceiveTextAsync());

        await using var ours = await Host.ConnectAsync();
        await ours.SendActionAsync("counter->send_page");
        Assert.Equal("Counter: 0 · LiveView QuickStart", (await ours.ReceiveAsync()).GetProperty("title").GetString());
        await ours.SendActionAsync("counter->increment");
        Assert.Equal("Counter: 1 · LiveView QuickStart", (await ours.ReceiveAsync()).GetProperty("title").GetString());

        // A page whose title does not change sends none.
        await ours.SendActionAsync("faulty->inc");
        Assert.False((await ours.ReceiveAsync()).TryGetProperty("title", out _));
    }

    [Fact]
    public async Task Another_pages_action_replaces_the_live_page_and_its_effects_are_answered_as_done()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("effects->slow_greet");
        Assert.True((await socket.ReceiveAsync()).GetProperty("loading").GetBoolean());

        await socket.SendActionAsync("counter->increment");
        Assert.Equal("""{"action":"effects->slow_greet"}""", await socket.ReceiveTextAsync());
        Assert.Equal("1", (await socket.ReceiveAsync()).Shown());
    }
}
