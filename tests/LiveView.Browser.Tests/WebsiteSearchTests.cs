using System.Net.WebSockets;
using System.Text.Json;
using LiveView.AspNetCore.Tests;

namespace LiveView.Browser.Tests;

/// <summary>The Website's search, over a raw socket: LIKE wildcards are searched for as text, long queries are refused.</summary>
public sealed class WebsiteSearchTests : WebsiteServerTest
{
    private async Task<LiveSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{Server.Address.Authority}{LiveView.Protocol.DefaultSocketPath}?protocol=2"), CancellationToken.None);
        return new LiveSocket(socket);
    }

    /// <summary>Searches <paramref name="query"/> and returns what the first frame that does not say "Searching…" shows.</summary>
    private static async Task<string> SearchAsync(LiveSocket socket, string query, string lang = "en")
    {
        await socket.SendAsync(JsonSerializer.Serialize(new { action = "home->search", data = new { lang }, form = new { q = query } }));
        while (true)
        {
            var frame = await socket.ReceiveAsync();
            Assert.False(frame.TryGetProperty("error", out var error), error.ToString());
            var shows = frame.Shows();
            if (!shows.Contains("Searching") && !shows.Contains("Buscando"))
            {
                return shows;
            }
        }
    }

    [Fact]
    public async Task Wildcards_and_the_escape_character_are_searched_for_as_text()
    {
        await using var socket = await ConnectAsync();
        foreach (var query in new[] { "%", "_", "\\", "%\\_", "o_e" })
        {
            Assert.Contains("No posts match.", await SearchAsync(socket, query));
        }

        var html = await SearchAsync(socket, "validate");
        Assert.Contains("1 post matches.", html);
        Assert.Contains("Forms that validate as you type", html);
    }

    [Fact]
    public async Task A_query_too_long_is_answered_with_a_message_in_the_page_language_and_the_socket_lives_on()
    {
        await using var socket = await ConnectAsync();
        var query = new string('a', 50_000);

        await socket.SendAsync(JsonSerializer.Serialize(new { action = "home->search", data = new { lang = "en" }, form = new { q = query } }));
        var frame = await socket.ReceiveAsync();
        Assert.Equal("<p>Searches are limited to 100 characters.</p>\n", frame.Shows()); // that message, and nothing else
        Assert.False(frame.TryGetProperty("loading", out _)); // answered at once: no database query runs

        // The page answers in the action's language (the whole view is rendered in it).
        Assert.Contains("Las búsquedas tienen un máximo de 100 caracteres.", await SearchAsync(socket, query, lang: "es"));
        Assert.Contains("posts match.", await SearchAsync(socket, "pa"));
    }
}
