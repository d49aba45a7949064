using Microsoft.Extensions.Logging;

namespace LiveView.AspNetCore.Tests;

/// <summary>Effects run off the socket loop, in their own DI scope, and their results fold back into the state.</summary>
public sealed class EffectTests : HostedTests
{

    [Fact]
    public async Task An_effect_result_is_folded_into_the_state_and_sent()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendAsync("""{"action":"effects->load","data":{"name":"Ada","lang":"en"}}""");
        var first = await socket.ReceiveAsync();
        Assert.Equal("loading", first.GetProperty("html").GetString());
        Assert.True(first.GetProperty("loading").GetBoolean(), "the effect is still running");
        var done = await socket.ReceiveAsync();
        Assert.False(done.TryGetProperty("loading", out _));
        Assert.Equal("#greeting", done.GetProperty("selector").GetString());
        Assert.Equal("Hello, Ada! (1)", done.GetProperty("html").GetString());
        Assert.Equal("effects->load", done.GetProperty("action").GetString());
    }

    [Fact]
    public async Task The_socket_keeps_answering_while_an_effect_runs()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("effects->slow_greet");
        var started = await socket.ReceiveAsync();
        Assert.Equal("effects->slow_greet", started.GetProperty("action").GetString());
        Assert.True(started.GetProperty("loading").GetBoolean(), "the effect runs");

        // The effect waits at its gate until this test opens it: if effects ran on the socket's loop, this action
        // would get no answer and the test would time out.
        await socket.SendActionAsync("effects->count");
        var answered = await socket.ReceiveAsync();
        Assert.Equal("effects->count", answered.GetProperty("action").GetString());
        Assert.Equal(0, Host.Gates.Passed("greet"));

        Host.Gates.Open("greet");
        var greeting = await socket.ReceiveAsync();
        Assert.Equal("effects->slow_greet", greeting.GetProperty("action").GetString());
        Assert.Equal("Hello, slowly!", greeting.GetProperty("html").GetString());
        Assert.False(greeting.TryGetProperty("loading", out _), "the action's work is over");
    }

    [Fact]
    public async Task Each_effect_gets_its_own_DI_scope()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("effects->scopes");
        var ack = await socket.ReceiveAsync();
        Assert.True(ack.GetProperty("loading").GetBoolean(), "the handler sent nothing but started effects");

        var ids = new Dictionary<string, string>();
        var stillLoading = 0;
        for (var i = 0; i < 2; i++)
        {
            var frame = await socket.ReceiveAsync();
            ids[frame.GetProperty("selector").GetString()!] = frame.GetProperty("html").GetString()!;
            stillLoading += frame.TryGetProperty("loading", out _) ? 1 : 0;
        }

        Assert.NotEqual(ids["#first"], ids["#second"]);
        Assert.Equal(1, stillLoading); // the first result to arrive says the other effect still runs; the last does not
    }

    [Fact]
    public async Task A_failing_effect_gets_an_error_frame_is_logged_and_changes_nothing()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("effects->fail");
        Assert.True((await socket.ReceiveAsync()).GetProperty("loading").GetBoolean());
        var reply = await socket.ReceiveAsync();
        Assert.Equal(WireErrorCodes.EffectFailed, reply.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("explode", reply.GetProperty("error").GetProperty("message").GetString());
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is TimeoutException);

        await socket.SendActionAsync("effects->count");
        Assert.Equal("0", (await socket.ReceiveAsync()).GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_failure_the_page_folds_itself_is_not_an_error()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.SendActionAsync("effects->fail_folded");
        Assert.True((await socket.ReceiveAsync()).GetProperty("loading").GetBoolean());
        var folded = await socket.ReceiveAsync();
        Assert.Equal("failed: the database is down", folded.GetProperty("html").GetString());
        Assert.False(folded.TryGetProperty("loading", out _));
    }
}
