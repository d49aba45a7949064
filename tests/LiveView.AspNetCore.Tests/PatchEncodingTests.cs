namespace LiveView.AspNetCore.Tests;

/// <summary>How patches become frames: v1 fields, grouping, and the extensions only our client receives.</summary>
public sealed class PatchEncodingTests : HostedTests
{

    [Fact]
    public async Task Html_url_and_title_travel_in_one_frame_as_a_v1_client_expects()
    {
        await using var socket = await Host.ConnectAsync(query: "");
        await socket.SendActionAsync("patches->navigate");
        Assert.Equal(
            """{"action":"patches->navigate","selector":"#main","html":"<h1>About</h1><p>Hi &lt;there&gt;</p>","url":"/about","title":"About us"}""",
            await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Two_html_patches_make_two_frames_in_order()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("patches->two");
        Assert.Equal("""{"action":"patches->two","selector":"#a","html":"1"}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"action":"patches->two","selector":"#b","html":"<li>2</li>","append":true}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Scroll_patches_use_the_v1_fields()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("patches->scroll");
        Assert.Equal("""{"action":"patches->scroll","scroll":"#end","scrollTop":true}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_pushed_event_is_an_extension_our_client_receives_with_its_payload_as_json()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("patches->event");
        Assert.Equal(
            """{"action":"patches->event","selector":"#a","html":"1","event":{"name":"points","payload":{"x":1,"label":"a<b"}}}""",
            await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_payload_that_cannot_be_written_fails_its_fold_with_an_error_and_the_socket_lives_on()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("patches->unwritable_event");
        var error = await socket.ReceiveAsync();
        Assert.Equal("handler_failed", error.GetProperty("error").GetProperty("code").GetString());
        await socket.SendActionAsync("patches->event");
        Assert.Equal("patches->event", (await socket.ReceiveAsync()).GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_v1_client_never_receives_a_pushed_event()
    {
        await using var socket = await Host.ConnectAsync(query: "");
        await socket.SendActionAsync("patches->event");
        Assert.Equal("""{"action":"patches->event","selector":"#a","html":"1"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Remove_is_an_extension_our_client_receives()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("patches->remove");
        Assert.Equal("""{"action":"patches->remove","selector":"#gone","remove":true}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_v1_client_never_receives_remove_and_gets_the_element_emptied()
    {
        await using var socket = await Host.ConnectAsync(query: "");
        await socket.SendActionAsync("patches->remove");
        Assert.Equal("""{"action":"patches->remove","selector":"#gone","html":""}""", await socket.ReceiveTextAsync());
    }
}
