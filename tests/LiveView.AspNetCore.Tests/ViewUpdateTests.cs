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
