using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace LiveView.AspNetCore.Tests;

/// <summary>Hostile or broken input: each gets a clear error and the socket stays usable.</summary>
public sealed class BadInputTests() : HostedTests(options => options.MaxMessageBytes = Limit)
{
    private const int Limit = 4096;

    /// <summary>Sends <paramref name="frame"/>, expects an error with <paramref name="code"/>, then checks the socket still works.</summary>
    private static async Task<JsonElement> ExpectErrorThenWorkingAsync(LiveSocket socket, string frame, string code)
    {
        await socket.SendAsync(frame);
        var reply = await socket.ReceiveAsync();
        var error = reply.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));

        await socket.SendActionAsync("home->random_number");
        Assert.Equal("home->random_number", (await socket.ReceiveAsync()).GetProperty("action").GetString());
        return reply;
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"action\":")]
    [InlineData("{\"action\":\"home->random_number\"} trailing")]
    [InlineData("{'action':'home->random_number'}")]
    [InlineData("")]
    public async Task Malformed_JSON_gets_an_error_frame(string frame)
    {
        await using var socket = await Host.ConnectAsync();
        await ExpectErrorThenWorkingAsync(socket, frame, WireErrorCodes.MalformedJson);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"home->random_number\"")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("{\"action\":5}")]
    [InlineData("{\"action\":null}")]
    [InlineData("{\"action\":\"home->random_number\",\"data\":[1]}")]
    [InlineData("{\"action\":\"home->random_number\",\"data\":{\"x\":{\"y\":1}}}")]
    [InlineData("{\"action\":\"home->random_number\",\"form\":\"text\"}")]
    [InlineData("{\"action\":\"home->random_number\",\"form\":{\"x\":[{}]}}")]
    public async Task Wrong_types_get_an_invalid_message_error(string frame)
    {
        await using var socket = await Host.ConnectAsync();
        await ExpectErrorThenWorkingAsync(socket, frame, WireErrorCodes.InvalidMessage);
    }

    [Theory]
    [InlineData("home")]
    [InlineData("home->")]
    [InlineData("->random_number")]
    [InlineData("home->random number")]
    [InlineData("home->a->b")]
    public async Task A_badly_formed_action_name_gets_an_invalid_action_error(string action)
    {
        await using var socket = await Host.ConnectAsync();
        await ExpectErrorThenWorkingAsync(socket, JsonSerializer.Serialize(new { action }), WireErrorCodes.InvalidAction);
    }

    [Fact]
    public async Task An_unknown_page_is_named_in_the_error_without_listing_the_pages()
    {
        await using var socket = await Host.ConnectAsync();
        var reply = await ExpectErrorThenWorkingAsync(socket, """{"action":"nowhere->go"}""", WireErrorCodes.UnknownPage);
        var message = reply.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("nowhere", message);
        Assert.DoesNotContain("home", message);
        Assert.DoesNotContain("counter", message);
        Assert.Equal("nowhere->go", reply.GetProperty("action").GetString());
    }

    [Fact]
    public async Task An_unknown_handler_is_named_in_the_error_without_listing_the_handlers()
    {
        await using var socket = await Host.ConnectAsync();
        var reply = await ExpectErrorThenWorkingAsync(socket, """{"action":"home->jump"}""", WireErrorCodes.UnknownHandler);
        var message = reply.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("home", message);
        Assert.Contains("jump", message);
        Assert.DoesNotContain("random_number", message);
    }

    [Fact]
    public async Task Escaped_lone_surrogates_are_read_as_U_FFFD_and_the_action_runs()
    {
        await using var socket = await Host.ConnectAsync();
        // What JSON.stringify writes for strings with unpaired surrogates, in values and keys.
        await socket.SendAsync("""{"action":"patches->\u0065cho","data":{"id":"\udc00x","\ud800":"1"},"form":{"tags":["\ud800","a\u0062"],"q\udfff":"\ud800"}}""");
        Assert.Equal("\uFFFD,ab|\uFFFDx|", (await socket.ReceiveAsync()).GetProperty("html").GetString());

        await socket.SendActionAsync("home->random_number");
        Assert.Equal("home->random_number", (await socket.ReceiveAsync()).GetProperty("action").GetString());
    }

    [Theory]
    [InlineData("data", "{}")]
    [InlineData("form", "[{}]")]
    public async Task A_key_with_line_breaks_cannot_forge_a_log_entry_and_client_errors_log_at_debug(string field, string badValue)
    {
        await using var socket = await Host.ConnectAsync();
        var frame = $$$"""{"action":"home->random_number","{{{field}}}":{"x\r\nFAKE ENTRY\u0000":{{{badValue}}}}}""";
        var reply = await ExpectErrorThenWorkingAsync(socket, frame, WireErrorCodes.InvalidMessage);

        var message = reply.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains(@$"'{field}.x\r\nFAKE ENTRY\u0000'", message);
        var logged = Assert.Single(Host.Logs.Entries, e => e.Message.Contains("FAKE ENTRY"));
        Assert.Contains(message, logged.Message);
        Assert.DoesNotContain('\r', logged.Message);
        Assert.DoesNotContain('\n', logged.Message);
        Assert.Equal(LogLevel.Debug, logged.Level);
        Assert.DoesNotContain(Host.Logs.Entries, e => e.Category.StartsWith("LiveView") && e.Level >= LogLevel.Information);
    }

    [Fact]
    public async Task A_long_key_is_shortened_in_the_error_without_splitting_a_character()
    {
        await using var socket = await Host.ConnectAsync();
        var key = new string('k', 39) + "😀" + new string('k', 1000);
        var reply = await ExpectErrorThenWorkingAsync(
            socket, JsonSerializer.Serialize(new { action = "home->random_number", data = new Dictionary<string, int[]> { [key] = [] } }), WireErrorCodes.InvalidMessage);
        var message = reply.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains($"'data.{new string('k', 39)}…'", message);
        Assert.True(message.Length < 100, message);
    }

    [Fact]
    public async Task A_binary_frame_gets_an_error_frame()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendBytesAsync(Encoding.UTF8.GetBytes("""{"action":"home->random_number"}"""), WebSocketMessageType.Binary);
        Assert.Equal(WireErrorCodes.BinaryFrame, (await socket.ReceiveAsync()).GetProperty("error").GetProperty("code").GetString());
        await socket.SendActionAsync("home->random_number");
        Assert.Equal("home->random_number", (await socket.ReceiveAsync()).GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_message_over_the_limit_closes_the_socket_with_1009()
    {
        await using var socket = await Host.ConnectAsync();
        var padding = new string('x', Limit);
        await socket.SendAsync("""{"action":"home->random_number","data":{"pad":"PAD"}}""".Replace("PAD", padding));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await socket.ReceiveCloseAsync());
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("1009"));
    }

    [Fact]
    public async Task A_message_at_the_limit_is_accepted()
    {
        await using var socket = await Host.ConnectAsync();
        var frame = """{"action":"home->random_number","data":{"pad":""}}""";
        var padding = new string('x', Limit - frame.Length);
        await socket.SendAsync(frame.Replace("\"pad\":\"\"", $"\"pad\":\"{padding}\""));
        Assert.Equal("home->random_number", (await socket.ReceiveAsync()).GetProperty("action").GetString());
    }

    [Fact]
    public async Task An_exception_in_a_handler_leaves_the_state_unchanged_and_is_logged()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("faulty->inc");
        Assert.Equal("1", (await socket.ReceiveAsync()).GetProperty("html").GetString());

        await socket.SendActionAsync("faulty->boom");
        var reply = await socket.ReceiveAsync();
        Assert.Equal(WireErrorCodes.HandlerFailed, reply.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("faulty->boom", reply.GetProperty("action").GetString());
        Assert.DoesNotContain("kaboom", reply.GetRawText()); // internals stay in the log

        await socket.SendActionAsync("faulty->inc");
        Assert.Equal("2", (await socket.ReceiveAsync()).GetProperty("html").GetString());

        var logged = Assert.Single(Host.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("faulty->boom", logged.Message);
        Assert.Equal("kaboom", logged.Exception?.Message);
    }

    [Fact]
    public async Task A_page_whose_mount_throws_gets_an_error_and_the_socket_lives_on()
    {
        await using var socket = await Host.ConnectAsync();
        await ExpectErrorThenWorkingAsync(socket, """{"action":"broken->go"}""", WireErrorCodes.HandlerFailed);
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "no mount");
    }

    [Fact]
    public async Task A_flood_of_actions_is_answered_in_order_without_loss()
    {
        const int count = 2000;
        await using var socket = await Host.ConnectAsync();
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await socket.SendActionAsync("counter->increment");
            }
        });

        for (var i = 1; i <= count; i++)
        {
            Assert.Equal(i.ToString(), (await socket.ReceiveAsync()).Shown());
        }

        await sending;
    }
}
