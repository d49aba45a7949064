using System.Net;
using System.Text;
using System.Text.Json;

namespace LiveView.AspNetCore.Tests;

/// <summary>The QuickStart's pages through a real socket, and their first paint over HTTP.</summary>
public sealed class RoundTripTests : HostedTests
{

    [Fact]
    public async Task Random_number_round_trip_puts_a_number_from_0_to_10_into_the_output()
    {
        await using var socket = await Host.ConnectAsync();
        var seen = new HashSet<int>();
        int? shown = null;
        for (var i = 0; i < 50; i++)
        {
            await socket.SendActionAsync("home->random_number");
            var text = await socket.ReceiveTextAsync();
            var frame = JsonDocument.Parse(text).RootElement;

            // The view's one change: the number put into the heading, then its text set; none for the same number.
            Assert.Equal("home->random_number", frame.GetProperty("action").GetString());
            var number = shown ?? -1;
            if (frame.TryGetProperty("changes", out var changes))
            {
                var change = Assert.Single(changes.EnumerateArray()).EnumerateArray().ToArray();
                var place = string.Join(",", change.SkipLast(1).Select(part => part.GetRawText()));
                Assert.Equal(shown is null ? "4,[0,3],0" : "0,[0,3,0]", place);
                number = int.Parse(change[^1].GetString()!);
            }

            shown = number;
            Assert.InRange(number, 0, 10);
            Assert.True(Encoding.UTF8.GetByteCount(text) <= 120, $"{text.Length} bytes: {text}");
            seen.Add(number);
        }

        Assert.True(seen.Count > 1, "fifty draws all gave the same number");
    }

    [Fact]
    public async Task A_Django_LiveView_v1_message_works_unchanged()
    {
        await using var socket = await Host.ConnectAsync(query: "");
        await socket.SendAsync("""{"action":"home->random_number","data":{"lang":"es"}}""");
        var frame = await socket.ReceiveAsync();
        Assert.Equal("#output-random-number", frame.GetProperty("selector").GetString());
        Assert.Equal(JsonValueKind.String, frame.GetProperty("html").ValueKind);
    }

    [Fact]
    public async Task The_FSharp_counter_keeps_its_state_per_socket()
    {
        await using var first = await Host.ConnectAsync();
        await using var second = await Host.ConnectAsync();
        foreach (var expected in new[] { "1", "2", "3" })
        {
            await first.SendActionAsync("counter->increment");
            Assert.Equal(expected, (await first.ReceiveAsync()).Shown());
        }

        await second.SendActionAsync("counter->decrement");
        Assert.Equal("-1", (await second.ReceiveAsync()).Shown());
        await first.SendActionAsync("counter->reset");
        Assert.Equal("0", (await first.ReceiveAsync()).Shown());
    }

    [Fact]
    public async Task The_home_page_is_rendered_over_plain_HTTP_inside_the_layout()
    {
        using var http = Host.Http();
        var response = await http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<title>Home", html);
        Assert.Contains("id=\"output-random-number\"", html);
        Assert.Contains("data-action=\"click-&gt;home#randomNumber\"", html);
        foreach (var landmark in new[] { "id=\"main\"", "id=\"loading\"", "id=\"notifications\"", "id=\"no_connection\"" })
        {
            Assert.Contains(landmark, html);
        }

        Assert.Matches(
            "<script src=\"/_liveview/liveview.js\\?v=[0-9a-f]{16}\" defer data-socket=\"/ws/liveview/\" data-page=\"home\" data-params=\"{}\" data-view=\"[A-Za-z0-9_-]{16}\" data-loading-delay=\"200\" data-history=\"on\"></script>",
            html);
    }

    [Fact]
    public async Task The_FSharp_page_is_rendered_over_plain_HTTP_with_its_title()
    {
        using var http = Host.Http();
        var html = await http.GetStringAsync("/counter");
        Assert.Contains("<title>Counter: 0", html);
        Assert.Contains("<output id=\"count\">0</output>", html);
    }

    [Fact]
    public async Task Data_form_and_lang_reach_the_handler()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync("""{"action":"patches->echo","data":{"id":"42","lang":"es"},"form":{"tags":["a","b"]}}""");
        Assert.Equal("a,b|42|es", (await socket.ReceiveAsync()).GetProperty("html").GetString());

        await socket.SendAsync("""{"action":"patches->echo","data":{"id":7,"lang":"not a language"},"form":{"tags":"c"}}""");
        Assert.Equal("c|7|", (await socket.ReceiveAsync()).GetProperty("html").GetString());
    }
}
