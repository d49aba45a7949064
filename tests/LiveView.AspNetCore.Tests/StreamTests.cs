using System.Text.Json;

namespace LiveView.AspNetCore.Tests;

/// <summary>Streams on the wire: items the server sends once, for our client and for v1.</summary>
public sealed class StreamTests : HostedTests
{
    private static string Act(string handler, string id, string text = "") =>
        JsonSerializer.Serialize(new { action = $"log->{handler}", data = new { id, text } });

    [Fact]
    public async Task The_first_paint_shows_the_items_the_mount_inserted_and_the_socket_mount_sends_them_again()
    {
        using var http = Host.Http();
        var html = await http.GetStringAsync("/log");
        Assert.Contains("""<ul id="events" data-liveview-stream=""><li id="e-0">started</li></ul><p id="count">1 events</p>""", html);
        var fingerprint = System.Text.RegularExpressions.Regex.Match(html, "data-view=\"([^\"]+)\"").Groups[1].Value;

        // The view is the one shown, but a stream's items are not in its fingerprint and may have changed since: the
        // socket's mount sends its inserts again (an item shown is replaced where it is), and nothing else.
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync($$"""{"action":"log->mount","data":{},"view":"{{fingerprint}}"}""");
        Assert.Equal("""{"streams":[["events",0,"e-0","<li id=\"e-0\">started</li>",-1,0]]}""", await socket.ReceiveTextAsync());
        await socket.SendAsync(Act("add", "1", "one"));
        Assert.Equal(
            """{"action":"log->add","changes":[[0,[0,1,0],"2 events"]],"streams":[["events",0,"e-1","<li id=\"e-1\">one</li>",-1,-3]]}""",
            await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Our_client_gets_inserts_deletes_and_resets_in_order()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync("""{"action":"log->send_page","data":{}}""");
        var shown = await socket.ReceiveAsync();
        Assert.Equal("""<div><ul id="events" data-liveview-stream></ul><p id="count">1 events</p></div>""", shown.GetProperty("html").GetString());
        Assert.Equal(
            """[["events",0,"e-0","<li id=\"e-0\">started</li>",-1,0]]""",
            shown.GetProperty("streams").GetRawText());

        await socket.SendAsync(Act("first", "2", "<two>"));
        Assert.Equal(
            """{"action":"log->first","streams":[["events",0,"e-2","<li id=\"e-2\">&lt;two&gt;</li>",0,0]]}""",
            await socket.ReceiveTextAsync());
        await socket.SendAsync(Act("forget", "2"));
        Assert.Equal(
            """{"action":"log->forget","changes":[[0,[0,1,0],"0 events"]],"streams":[["events",1,"e-2"]]}""",
            await socket.ReceiveTextAsync());
        await socket.SendAsync(Act("clear", ""));
        Assert.Equal("""{"action":"log->clear","streams":[["events",2]]}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_v1_client_gets_inserts_appended_deletes_emptied_and_resets_as_an_empty_list()
    {
        await using var socket = await Host.ConnectAsync(query: "");
        await socket.SendAsync(Act("add", "1", "one"));
        Assert.Equal("""{"action":"log->add","selector":"#events","html":"<li id=\"e-1\">one</li>","append":true}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"action":"log->add","selector":"#count","html":"2 events"}""", await socket.ReceiveTextAsync());
        await socket.SendAsync(Act("forget", "1"));
        Assert.Equal("""{"action":"log->forget","selector":"#e-1","html":""}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"action":"log->forget","selector":"#count","html":"1 events"}""", await socket.ReceiveTextAsync());
        await socket.SendAsync(Act("clear", ""));
        Assert.Equal("""{"action":"log->clear","selector":"#events","html":""}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"action":"log->clear","selector":"#count","html":"0 events"}""", await socket.ReceiveTextAsync());
    }
}
