using System.Diagnostics;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// The host's spans (docs/observability.md), heard by an <c>ActivityListener</c> over real sockets: one per action
/// (a root of its own, linked to the socket's request) and one per effect (the child of what started it).
/// </summary>
public sealed class SpanTests : TracedTests
{
    private static void AssertTagged(Activity span, string handler, string origin, string outcome)
    {
        Assert.Equal("traced", span.GetTagItem("liveview.page"));
        Assert.Equal(handler, span.GetTagItem("liveview.handler"));
        Assert.Equal(origin, span.GetTagItem("liveview.origin"));
        Assert.Equal(outcome, span.GetTagItem("liveview.outcome"));
    }

    [Fact]
    public async Task An_action_has_a_span_of_its_own_linked_to_its_sockets_request()
    {
        await using (var socket = await CountingSocket.ConnectAsync(Host))
        {
            await socket.ActAsync("traced->click");
            Assert.Equal("span", (await socket.ActAsync("traced->span")).GetProperty("html").GetString());
        }

        var click = await Recorder.SpanAsync("traced", "traced->click");
        Assert.Equal(ActivityKind.Server, click.Kind);
        Assert.Equal(default, click.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, click.Status);
        AssertTagged(click, "click", "client", "ok");

        // The socket's request span lasts as long as the socket: each action is a trace of its own, linked to it.
        var link = Assert.Single(click.Links);
        Activity? request = null;
        await Gates.UntilAsync(() => (request = Recorder.Requests().FirstOrDefault(r => r.Context == link.Context)) is not null, "the socket's request span");
        Assert.NotEqual(request!.TraceId, click.TraceId);
        var span = await Recorder.SpanAsync("traced", "traced->span");
        Assert.NotEqual(click.TraceId, span.TraceId);
    }

    [Fact]
    public async Task A_failing_action_has_the_error_status_and_type()
    {
        await using var socket = await CountingSocket.ConnectAsync(Host);
        await socket.ActAsync("traced->boom");

        var boom = await Recorder.SpanAsync("traced", "traced->boom");
        Assert.Equal(ActivityStatusCode.Error, boom.Status);
        Assert.Equal("handler_failed", boom.GetTagItem("error.type"));
        AssertTagged(boom, "boom", "client", "error");
    }

    [Fact]
    public async Task An_effect_has_a_span_under_the_action_that_started_it_current_while_its_work_runs()
    {
        await using var socket = await CountingSocket.ConnectAsync(Host);
        await socket.ActAsync("traced->fetch", new { lang = "en", again = "1" });
        Assert.Equal("traced effect fetch", (await socket.ReceiveAsync()).GetProperty("html").GetString());
        Assert.Equal("refetched", (await socket.ReceiveAsync()).GetProperty("html").GetString());

        var action = await Recorder.SpanAsync("traced", "traced->fetch");
        var fetch = await Recorder.SpanAsync("traced", "traced effect fetch");
        Assert.Equal(ActivityKind.Internal, fetch.Kind);
        Assert.Equal(action.TraceId, fetch.TraceId);
        Assert.Equal(action.SpanId, fetch.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, fetch.Status);
        AssertTagged(fetch, "fetch", "client", "ok");

        // Started by the fetch's result: the child of its span.
        var refetch = await Recorder.SpanAsync("traced", "traced effect refetch");
        Assert.Equal(fetch.TraceId, refetch.TraceId);
        Assert.Equal(fetch.SpanId, refetch.ParentSpanId);
        AssertTagged(refetch, "refetch", "client", "ok");
    }

    [Fact]
    public async Task A_failing_effect_has_the_error_status_and_its_exception_type()
    {
        await using var socket = await CountingSocket.ConnectAsync(Host);
        await socket.ActAsync("traced->explode");
        await socket.ReceiveAsync();

        var explode = await Recorder.SpanAsync("traced", "traced effect explode");
        Assert.Equal(ActivityStatusCode.Error, explode.Status);
        Assert.Equal("System.TimeoutException", explode.GetTagItem("error.type"));
        AssertTagged(explode, "explode", "client", "error");

        // The action that started it went well.
        AssertTagged(await Recorder.SpanAsync("traced", "traced->explode"), "explode", "client", "ok");
    }

    [Fact]
    public async Task A_message_has_a_span_of_its_own()
    {
        await using var socket = await CountingSocket.ConnectAsync(Host);
        await socket.ActAsync("traced->click");
        await Host.Hub().SendAsync(Audience.Topic(TracedPages.Topic), new Shout("hello"));
        Assert.Equal("hello", (await socket.ReceiveAsync()).GetProperty("html").GetString());

        var message = await Recorder.SpanAsync("traced", "traced message Shout");
        Assert.Equal(ActivityKind.Internal, message.Kind);
        Assert.Equal(default, message.ParentSpanId);
        AssertTagged(message, "Shout", "message", "ok");
    }

    [Fact]
    public async Task A_timers_tick_has_a_span_of_its_own()
    {
        await using var socket = await CountingSocket.ConnectAsync(Host);
        Assert.Equal("started", (await socket.ActAsync("ticker->start")).GetProperty("html").GetString());
        Assert.Equal("1", (await socket.ReceiveAsync()).GetProperty("html").GetString());

        var tick = await Recorder.SpanAsync("ticker", "ticker timer tick");
        Assert.Equal(ActivityKind.Internal, tick.Kind);
        Assert.Equal(default, tick.ParentSpanId);
        Assert.Equal("ticker", tick.GetTagItem("liveview.page"));
        Assert.Equal("tick", tick.GetTagItem("liveview.handler"));
        Assert.Equal("timer", tick.GetTagItem("liveview.origin"));
        Assert.Equal("ok", tick.GetTagItem("liveview.outcome"));
    }
}
