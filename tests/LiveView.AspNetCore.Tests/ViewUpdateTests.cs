namespace LiveView.AspNetCore.Tests;

/// <summary>Handlers that return only the new state: the view's changes on the wire, for our client and for v1.</summary>
public sealed class ViewUpdateTests : HostedTests
{
    private static string AddAction(string item) =>
        System.Text.Json.JsonSerializer.Serialize(new { action = "todo->add", data = new { item } });

    [Fact]
    public async Task Our_client_gets_the_changes_of_the_view()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync(AddAction("milk"));
        Assert.Equal(
            """{"action":"todo->add","changes":[[4,[0,0],0,"<li data-key=\"milk\">milk</li>"],[0,[0,1,0],"1 left"]]}""",
            await socket.ReceiveTextAsync());
        await socket.SendAsync(AddAction("eggs"));
        Assert.Equal(
            """{"action":"todo->add","changes":[[4,[0,0],1,"<li data-key=\"eggs\">eggs</li>"],[0,[0,1,0],"2 left"]]}""",
            await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_v1_client_gets_the_content_of_the_elements_with_an_id_around_the_changes()
    {
        await using var socket = await Host.ConnectAsync(query: "");
        await socket.SendAsync(AddAction("milk"));
        Assert.Equal("""{"action":"todo->add","selector":"#items","html":"<li data-key=\"milk\">milk</li>"}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"action":"todo->add","selector":"#left","html":"1 left"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_mount_whose_view_is_not_the_one_the_server_renders_gets_the_view_whole()
    {
        using var http = Host.Http();
        var html = await http.GetStringAsync("/dice");
        var fingerprint = System.Text.RegularExpressions.Regex.Match(html, "data-view=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(16, fingerprint.Length);

        // The socket's mount throws the die again: its view is another, and is sent whole, pushed.
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync($$"""{"action":"dice->mount","data":{},"view":"{{fingerprint}}"}""");
        var pushed = await socket.ReceiveAsync();
        Assert.False(pushed.TryGetProperty("action", out _));
        Assert.Equal("#main", pushed.GetProperty("selector").GetString());
        Assert.Matches("^<output id=\"die\">[0-9]+</output>$", pushed.GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_mount_whose_view_is_the_one_the_server_renders_gets_nothing()
    {
        using var http = Host.Http();
        var html = await http.GetStringAsync("/todo");
        var fingerprint = System.Text.RegularExpressions.Regex.Match(html, "data-view=\"([^\"]+)\"").Groups[1].Value;

        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync($$"""{"action":"todo->mount","data":{},"view":"{{fingerprint}}"}""");
        await socket.SendAsync(AddAction("milk"));
        Assert.Equal("todo->add", (await socket.ReceiveAsync()).GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_hand_written_patch_goes_first_and_stands_while_the_view_changes_around_it()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("todo->note");
        Assert.Equal(
            """{"action":"todo->note","selector":"#log","html":"noted","changes":[[4,[0,0],0,"<li data-key=\"noted\">noted</li>"],[0,[0,1,0],"1 left"]]}""",
            await socket.ReceiveTextAsync());
        await socket.SendAsync(AddAction("milk"));
        Assert.Equal(
            """{"action":"todo->add","changes":[[4,[0,0],1,"<li data-key=\"milk\">milk</li>"],[0,[0,1,0],"2 left"]]}""",
            await socket.ReceiveTextAsync());
    }
}
