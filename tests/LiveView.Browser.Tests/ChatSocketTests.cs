using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveView.AspNetCore.Tests;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Chat over raw sockets, where closing a tab can be timed exactly: a message sent just before its tab closes, even
/// before its room is live, is stored all the same (its save takes <c>fx.Cancellation</c>, not <c>fx.Abandoned</c>).
/// </summary>
public sealed partial class ChatSocketTests : IAsyncLifetime
{
    private ChatServer server = null!;

    public Task InitializeAsync()
    {
        server = new ChatServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_message_sent_just_before_its_tab_closes_is_stored()
    {
        var cookies = await SignInAsync("ada");
        const int tabs = 20;
        for (var i = 0; i < tabs; i++)
        {
            var socket = new ClientWebSocket();
            socket.Options.Cookies = cookies;
            await socket.ConnectAsync(new Uri($"ws://{server.Address.Authority}{LiveView.Protocol.DefaultSocketPath}?protocol=2"), CancellationToken.None);
            var tab = new LiveSocket(socket);
            // The message follows the mount at once: it waits for the room's history to load, then it is folded even
            // though the tab has closed by then.
            await tab.SendAsync("""{"action":"room->mount","data":{"lang":"en","room":"lobby"}}""");
            await tab.SendAsync(JsonSerializer.Serialize(new
            {
                action = "room->send",
                data = new { lang = "en" },
                form = new { text = $"message {i}" },
            }));
            await tab.DisposeAsync(); // at once: the tab is closed before any answer
        }

        var stored = new List<string>();
        for (var waited = 0; stored.Count < tabs && waited < 100; waited++)
        {
            stored = [.. (await server.StoredAsync()).Select(row => row.Text)];
            await Task.Delay(100);
        }

        Assert.Equal(Enumerable.Range(0, tabs).Select(i => $"message {i}").Order(), stored.Order());
    }

    [GeneratedRegex("data-view=\"([^\"]+)\"")]
    private static partial Regex ViewFingerprint();

    [Fact]
    public async Task A_tab_whose_first_paint_missed_a_message_gets_the_room_again_when_its_socket_mounts()
    {
        var cookies = await SignInAsync("ada");
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.Address };
        var view = ViewFingerprint().Match(await http.GetStringAsync("/rooms/lobby")).Groups[1].Value;

        // Said after the first paint, before the socket mounts the page: the tab is not in the room yet.
        var posted = await http.PostAsJsonAsync("/rooms/lobby/messages", new { text = "said meanwhile" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        await socket.ConnectAsync(new Uri($"ws://{server.Address.Authority}{LiveView.Protocol.DefaultSocketPath}?protocol=2"), CancellationToken.None);
        await using var tab = new LiveSocket(socket);
        await tab.SendAsync(JsonSerializer.Serialize(new { action = "room->mount", data = new { lang = "en", room = "lobby" }, view }));
        Assert.Contains("said meanwhile", (await tab.ReceiveAsync()).Shows());
    }

    private Task<CookieContainer> SignInAsync(string name) => ChatSignIn.CookiesAsync(server.Address, name);
}
