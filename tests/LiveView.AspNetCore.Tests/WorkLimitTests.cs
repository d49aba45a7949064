using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// What one connection may cost, whatever its client sends or fails to read: effects in flight are capped (at the
/// cap the connection stops reading), a client that stops reading is dropped, and a message must arrive in time.
/// (Pings are left to their defaults here, so that they drop no one first; see <see cref="KeepAliveTests"/>.)
/// </summary>
public sealed class WorkLimitTests(ITestOutputHelper output) : HostedTests(options =>
{
    options.MaxEffectsPerConnection = Cap;
    options.SendTimeout = TimeSpan.FromSeconds(1);
    options.MessageTimeout = TimeSpan.FromMilliseconds(300);
})
{
    private const int Cap = 4;

    // Each flood frame carries this much padding, so that the network buffers fill and the flooder's sends block.
    private static readonly string Padding = new('p', 1024);

    [Fact]
    public async Task A_flood_of_effect_starting_frames_runs_at_most_the_cap_and_others_are_answered_meanwhile()
    {
        var baseline = Memory();
        await using var flooder = await Host.ConnectAsync();
        var (sent, blocked) = await FloodAsync(flooder, i => $$$"""{"action":"store->hold","data":{"n":"{{{i}}}","pad":"{{{Padding}}}"}}""", frames: 40_000);

        // Every effect waits at the gate, deaf to cancellation: without a cap, each frame read would start one more.
        await Gates.UntilAsync(() => Host.Gates.Arrived("hold") == Cap, "the cap's worth of effects started");
        var during = Memory();
        var roundTrips = await OtherClientRoundTripsAsync();

        output.WriteLine($"flood: {sent} frames sent before the client's send blocked ({blocked}); effects started: {Host.Gates.Arrived("hold")}");
        output.WriteLine($"server memory (this process, after GC): {baseline / 1e6:F1} MB before, {during / 1e6:F1} MB during the flood");
        output.WriteLine($"another client's round trips during the flood: p50 {Percentile(roundTrips, 0.5):F2} ms, max {roundTrips.Max():F2} ms");
        Assert.True(blocked, "the server stopped reading the flooder, so its sends blocked");
        Assert.Equal(Cap, Host.Gates.MostWaitingAtOnce);
        Assert.InRange(during - baseline, long.MinValue, 100_000_000);

        Host.Gates.Open("hold");
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_dropped_and_others_are_answered_meanwhile()
    {
        var stalled = await Host.ConnectAsync();
        var (sent, _) = await FloodAsync(stalled, _ => """{"action":"store->big"}""", frames: 2_000);
        var roundTrips = await OtherClientRoundTripsAsync();

        await Gates.UntilAsync(() => Host.Logs.Entries.Any(e => e.Message.Contains("stopped reading")), "the stalled client dropped");
        output.WriteLine($"stalled reader: {sent} frames of 64 KB answers asked; another client's round trips p50 {Percentile(roundTrips, 0.5):F2} ms, max {roundTrips.Max():F2} ms");
        var dropped = await Assert.ThrowsAsync<WebSocketException>(async () =>
        {
            while (true)
            {
                await stalled.ReceiveTextAsync();
            }
        });
        output.WriteLine($"the stalled client, reading at last: {dropped.Message}");
        stalled.Socket.Dispose();
    }

    [Fact]
    public async Task A_message_that_stops_halfway_closes_the_socket_with_1008()
    {
        await using var socket = await Host.ConnectAsync();
        await socket.Socket.SendAsync(Encoding.UTF8.GetBytes("""{"action":"counter->inc"""), WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.ReceiveCloseAsync());
        Assert.Contains(Host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("incomplete"));
    }

    /// <summary>Sends frames until all are sent or a send has blocked for a second (the server stopped reading).</summary>
    private static async Task<(int Sent, bool Blocked)> FloodAsync(LiveSocket socket, Func<int, string> frame, int frames)
    {
        for (var i = 0; i < frames; i++)
        {
            var send = socket.Socket.SendAsync(Encoding.UTF8.GetBytes(frame(i)), WebSocketMessageType.Text, true, CancellationToken.None);
            if (await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(1))) != send)
            {
                return (i, true);
            }
        }

        return (frames, false);
    }

    /// <summary>Twenty round trips of another client, in milliseconds.</summary>
    private async Task<double[]> OtherClientRoundTripsAsync()
    {
        await using var other = await Host.ConnectAsync();
        var times = new double[20];
        for (var i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            await other.SendActionAsync("counter->increment");
            Assert.Equal((i + 1).ToString(), (await other.ReceiveAsync()).Shown());
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        return times;
    }

    private static double Percentile(double[] values, double p) => values.Order().ElementAt((int)(p * (values.Length - 1)));

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Process.GetCurrentProcess().WorkingSet64;
    }
}

/// <summary>Pings find the peers that are gone: one that stops answering is dropped; an idle one that answers stays.</summary>
public sealed class KeepAliveTests() : HostedTests(options =>
{
    options.KeepAliveInterval = TimeSpan.FromMilliseconds(200);
    options.KeepAliveTimeout = TimeSpan.FromMilliseconds(300);
})
{
    [Fact]
    public async Task A_peer_that_stops_answering_pings_is_dropped()
    {
        // A client socket answers pings only while it reads; this one does not read.
        var silent = await Host.ConnectAsync();
        await Gates.UntilAsync(() => Host.Logs.Entries.Any(e => e.Message.Contains("socket closed")), "the server dropped the socket");
        await Assert.ThrowsAnyAsync<Exception>(() => silent.ReceiveTextAsync());
        silent.Socket.Dispose();
    }

    [Fact]
    public async Task An_idle_client_that_reads_stays_connected()
    {
        await using var socket = await Host.ConnectAsync();
        var reading = socket.ReceiveTextAsync(); // pending: pings are answered
        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(1.5)));
        Assert.False(reading.IsCompleted, "nothing arrived and the socket is still open");
        Assert.Equal(WebSocketState.Open, socket.Socket.State);
    }
}
