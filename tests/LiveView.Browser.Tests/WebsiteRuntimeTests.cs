using System.Net.WebSockets;
using System.Text.Json;
using LiveView.AspNetCore.Tests;
using Microsoft.EntityFrameworkCore;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Website over raw sockets, where the runtime's rules show: a Django LiveView v1 client's first action mounts its
/// page fully, a message sent just before its tab closes is stored, and a search whose page was left never reaches the
/// page mounted since.
/// </summary>
public sealed class WebsiteRuntimeTests : WebsiteServerTest
{
    private async Task<LiveSocket> ConnectAsync(string query = "?protocol=2")
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{Server.Address.Authority}{LiveView.Protocol.DefaultSocketPath}{query}"), CancellationToken.None);
        return new LiveSocket(socket);
    }

    [Fact]
    public async Task A_v1_clients_first_load_more_appends_the_next_four_posts()
    {
        // A v1 client never sends mount: its first action must find the blog mounted with its first four posts.
        await using var socket = await ConnectAsync(query: "");
        await socket.SendAsync("""{"action":"blog->load_more","data":{"lang":"en"}}""");
        var appended = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var frame = await socket.ReceiveAsync();
            Assert.Equal("#posts", frame.GetProperty("selector").GetString());
            Assert.True(frame.GetProperty("append").GetBoolean());
            appended.Add(frame.GetProperty("html").GetString()!);
        }

        string[] next = ["History without reloads", "Server-side rendering first", "Effects as data", "One socket per tab"];
        Assert.Equal(next, appended.Select(html => next.Single(title => html.Contains(title))));
    }

    [Fact]
    public async Task A_v1_client_gets_pushed_frames_in_v1_shapes_with_no_action()
    {
        // Two v1 clients open a post (Django LiveView's navigation); the first is pushed the second's arrival.
        async Task<LiveSocket> ReadAsync()
        {
            var socket = await ConnectAsync(query: "");
            await socket.SendAsync("""{"action":"blog_post->send_page","data":{"slug":"loading-states","lang":"en"}}""");
            var shown = await socket.ReceiveAsync();
            Assert.Equal("blog_post->send_page", shown.GetProperty("action").GetString());
            Assert.Contains("1 reading now", shown.GetProperty("html").GetString());
            return socket;
        }

        // The first reader's own arrival changes nothing it shows ("1 reading now" from the start): nothing is pushed.
        await using var first = await ReadAsync();
        await using var second = await ReadAsync();
        Assert.Equal("""{"selector":"#readers","html":"2 reading now"}""", await first.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_message_sent_just_before_its_tab_closes_is_stored()
    {
        const int tabs = 20;
        for (var i = 0; i < tabs; i++)
        {
            var socket = await ConnectAsync();
            await socket.SendAsync(JsonSerializer.Serialize(new
            {
                action = "contact->send",
                data = new { lang = "en" },
                form = new { name = $"Visitor {i}", email = $"visitor{i}@example.com", topic = "question", message = "A message long enough." },
            }));
            await socket.DisposeAsync(); // at once: the tab is closed before any answer
        }

        var stored = 0;
        for (var waited = 0; stored < tabs && waited < 100; waited++)
        {
            stored = await QueryAsync(db => db.Messages.CountAsync());
            await Task.Delay(100);
        }

        Assert.Equal(tabs, stored);
    }

    [Fact]
    public async Task A_search_whose_page_was_left_never_reaches_the_page_mounted_since()
    {
        await using var socket = await ConnectAsync();
        await socket.SendAsync("""{"action":"home->mount","data":{"lang":"en"}}""");
        await socket.SendAsync("""{"action":"home->search","data":{"lang":"en"},"form":{"q":"a"}}""");
        Assert.Contains("Searching", (await socket.ReceiveAsync()).Shows());

        // Away and back while the search runs (it takes a second); then a search that matches nothing.
        await socket.SendAsync("""{"action":"blog->send_page","data":{"lang":"en"}}""");
        await socket.SendAsync("""{"action":"home->send_page","data":{"lang":"en"}}""");
        await socket.SendAsync("""{"action":"home->search","data":{"lang":"en"},"form":{"q":"zzz"}}""");

        // The first search's result would arrive first if it leaked: the first result shown must be the second's.
        while (true)
        {
            var shows = (await socket.ReceiveAsync()).Shows();
            if (shows.Contains("match"))
            {
                Assert.Contains("No posts match.", shows);
                return;
            }
        }
    }
}
