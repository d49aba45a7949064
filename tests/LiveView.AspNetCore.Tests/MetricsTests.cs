namespace LiveView.AspNetCore.Tests;

/// <summary>
/// The host's instruments (docs/observability.md), read by a <c>MeterListener</c> as an exporter would after a real
/// socket session: each one measured, with its tags.
/// </summary>
public sealed class MetricsTests : TracedTests
{
    private static (string, string)[] Tags(string handler, string origin = "client", string outcome = "ok", string? error = null) =>
    [
        ("liveview.page", "traced"), ("liveview.handler", handler), ("liveview.origin", origin), ("liveview.outcome", outcome),
        .. error is null ? Array.Empty<(string, string)>() : [("error.type", error)],
    ];

    private double OpenConnections() => Recorder.Observe("liveview.connections.open").Sum(m => m.Value);

    /// <summary>
    /// A session: a click, an effect, a failing handler, an unknown handler, a frame that is not JSON, a broadcast the
    /// page hears itself (a push), and a message from the hub (another push).
    /// </summary>
    private async Task<CountingSocket> SessionAsync()
    {
        var socket = await CountingSocket.ConnectAsync(Host);
        Assert.Equal("1", (await socket.ActAsync("traced->click")).GetProperty("html").GetString());
        Assert.Equal("fetching", (await socket.ActAsync("traced->fetch")).GetProperty("html").GetString());
        Assert.Equal("#fetched", (await socket.ReceiveAsync()).GetProperty("selector").GetString());
        Assert.Equal(WireErrorCodes.HandlerFailed, (await socket.ActAsync("traced->boom")).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(WireErrorCodes.UnknownHandler, (await socket.ActAsync("traced->nope")).GetProperty("error").GetProperty("code").GetString());
        await socket.SendAsync("{not json");
        Assert.Equal(WireErrorCodes.MalformedJson, (await socket.ReceiveAsync()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("shouted", (await socket.ActAsync("traced->shout")).GetProperty("html").GetString());
        Assert.Equal("hi", (await socket.ReceiveAsync()).GetProperty("html").GetString());
        await Host.Hub().SendAsync(Audience.Topic(TracedPages.Topic), new Shout("from the hub"));
        Assert.Equal("from the hub", (await socket.ReceiveAsync()).GetProperty("html").GetString());
        return socket;
    }

    [Fact]
    public async Task Actions_are_counted_and_timed_by_page_handler_origin_and_outcome()
    {
        await using (await SessionAsync())
        {
        }

        string[][] expected =
        [
            [.. Flat(Tags("click"))],
            [.. Flat(Tags("fetch"))],
            [.. Flat(Tags("boom", outcome: "error", error: "handler_failed"))],
            [.. Flat(Tags("_OTHER", outcome: "error", error: "unknown_handler"))],
            [.. Flat(Tags("shout"))],
            [.. Flat(Tags("Shout", origin: "message"))],
            [.. Flat(Tags("Shout", origin: "message"))],
        ];
        Assert.Equal(Sorted(expected), Sorted(Recorder.Of("liveview.actions").Select(m => Flat(m))));
        Assert.All(Recorder.Of("liveview.actions"), m => Assert.Equal(1, m.Value));
        var durations = Recorder.Of("liveview.action.duration");
        Assert.Equal(Sorted(expected), Sorted(durations.Select(m => Flat(m))));
        Assert.All(durations, m => Assert.InRange(m.Value, double.Epsilon, 10));
    }

    [Fact]
    public async Task Effects_are_timed_by_page_name_origin_and_outcome()
    {
        await using (await SessionAsync())
        {
        }

        var effect = Assert.Single(Recorder.Of("liveview.effect.duration"));
        Assert.True(effect.Tagged(Tags("fetch")), string.Join(", ", effect.Tags));
        Assert.InRange(effect.Value, double.Epsilon, 10);
    }

    [Fact]
    public async Task A_failing_effect_is_timed_with_its_exception_type_and_counted_as_an_error()
    {
        await using var socket = await CountingSocket.ConnectAsync(Host);
        Assert.Equal("exploding", (await socket.ActAsync("traced->explode")).GetProperty("html").GetString());
        Assert.Equal(WireErrorCodes.EffectFailed, (await socket.ReceiveAsync()).GetProperty("error").GetProperty("code").GetString());

        var effect = Assert.Single(Recorder.Of("liveview.effect.duration"));
        Assert.True(effect.Tagged(Tags("explode", outcome: "error", error: "System.TimeoutException")), string.Join(", ", effect.Tags));
        var error = Assert.Single(Recorder.Of("liveview.errors"));
        Assert.True(error.Tagged(("error.type", "effect_failed")));
    }

    [Fact]
    public async Task Errors_are_counted_by_code()
    {
        await using (await SessionAsync())
        {
        }

        var errors = Recorder.Of("liveview.errors");
        Assert.All(errors, m => Assert.Equal(1, m.Value));
        Assert.Equal(
            ["handler_failed", "malformed_json", "unknown_handler"],
            errors.Select(m => (string)m.Tags["error.type"]!).Order());
        Assert.All(errors, m => Assert.Single(m.Tags));
    }

    [Fact]
    public async Task Bytes_sent_and_received_are_the_messages_payloads()
    {
        var socket = await SessionAsync();
        await socket.DisposeAsync();

        Assert.Equal(socket.Sent, Recorder.Sum("liveview.bytes.received"));
        Assert.Equal(socket.Received, Recorder.Sum("liveview.bytes.sent"));
    }

    [Fact]
    public async Task Pushes_and_broadcasts_are_counted()
    {
        await using (await SessionAsync())
        {
        }

        var pushes = Recorder.Of("liveview.pushes");
        Assert.Equal(2, pushes.Count);
        Assert.All(pushes, m => Assert.True(m.Tagged(("liveview.page", "traced"))));
        var broadcasts = Recorder.Of("liveview.broadcasts");
        Assert.Equal(2, broadcasts.Count);
        Assert.Contains(broadcasts, m => m.Tagged(("liveview.audience", "topic"), ("liveview.page", "traced")));
        Assert.Contains(broadcasts, m => m.Tagged(("liveview.audience", "topic")));
    }

    [Fact]
    public async Task A_broadcast_is_counted_for_the_page_that_sent_it_even_while_that_page_mounts()
    {
        await using var socket = await CountingSocket.ConnectAsync(Host);
        await socket.ActAsync("traced->click");

        // Herald's mount shouts while its load runs, when 'traced' is still the live page.
        await socket.SendAsync(TracedHost.Action("herald->send_page"));
        await Gates.UntilAsync(() => Recorder.Of("liveview.broadcasts").Count == 1, "the shout counted");
        Assert.True(Recorder.Of("liveview.broadcasts").Single().Tagged(("liveview.audience", "topic"), ("liveview.page", "herald")));
    }

    [Fact]
    public async Task Open_connections_are_observed()
    {
        Assert.Equal(0, OpenConnections());
        await using (var first = await CountingSocket.ConnectAsync(Host))
        await using (var second = await CountingSocket.ConnectAsync(Host))
        {
            await first.ActAsync("traced->click");
            await second.ActAsync("traced->click");
            Assert.Equal(2, OpenConnections());
        }

        await Gates.UntilAsync(() => OpenConnections() == 0, "both sockets closed");
    }

    [Fact]
    public async Task The_mailbox_depth_is_what_waits_for_the_loops()
    {
        await using var socket = await CountingSocket.ConnectAsync(Host);
        await socket.ActAsync("traced->click");
        TracedPages.Released.Reset();
        TracedPages.Holding.Reset();
        try
        {
            // The loop waits in the fold of 'hold''s effect while three clicks arrive behind it.
            await socket.SendAsync(TracedHost.Action("traced->hold"));
            await Gates.UntilAsync(() => TracedPages.Holding.IsSet, "the loop holding");
            for (var i = 0; i < 3; i++)
            {
                await socket.SendAsync(TracedHost.Action("traced->click"));
            }

            await Gates.UntilAsync(() => Recorder.Observe("liveview.mailbox.depth").Sum(m => m.Value) == 3, "three clicks waiting");
        }
        finally
        {
            TracedPages.Released.Set();
        }

        for (var i = 0; i < 4; i++)
        {
            await socket.ReceiveAsync();
        }

        Assert.Equal(0, Recorder.Observe("liveview.mailbox.depth").Sum(m => m.Value));
    }

    private static string[] Flat((string, string)[] tags) => [.. tags.Select(t => $"{t.Item1}={t.Item2}").Order()];

    private static string[] Flat(Measured measured) => [.. measured.Tags.Select(t => $"{t.Key}={t.Value}").Order()];

    private static List<string> Sorted(IEnumerable<string[]> tagSets) => [.. tagSets.Select(t => string.Join(";", t)).Order()];
}
