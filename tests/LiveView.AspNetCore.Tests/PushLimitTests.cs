using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.AspNetCore.Tests;

/// <summary>Messages to a user's tabs, and what a client that stops reading costs.</summary>
public sealed class PushLimitTests
{
    private static async Task<LiveSocket> EnterRoomAsync(TestHost host, System.Net.CookieContainer? cookies = null)
    {
        var socket = await host.ConnectAsync(cookies: cookies);
        await socket.SendActionAsync("room->heard");
        await socket.ReceiveAsync();
        return socket;
    }

    [Fact]
    public async Task A_message_to_a_user_reaches_every_tab_of_that_user_and_no_one_elses()
    {
        await using var host = await Secrets.StartAsync(options: o => o.UserId = user => user.Identity?.Name);
        var ada = await host.SignInAsync("ada");
        await using var first = await EnterRoomAsync(host, ada);
        await using var second = await EnterRoomAsync(host, ada);
        await using var bob = await EnterRoomAsync(host, await host.SignInAsync("bob"));
        await using var anonymous = await EnterRoomAsync(host);

        await host.App.Services.GetRequiredService<ILiveHub>().SendAsync(Audience.User("ada"), new Said("for ada"));

        Assert.Equal("1:for ada", (await first.ReceiveAsync()).GetProperty("html").GetString());
        Assert.Equal("1:for ada", (await second.ReceiveAsync()).GetProperty("html").GetString());
        foreach (var other in new[] { bob, anonymous })
        {
            await other.SendActionAsync("room->heard");
            Assert.Equal("0", (await other.ReceiveAsync()).GetProperty("html").GetString());
        }
    }

    [Fact]
    public async Task A_client_that_stops_reading_costs_bounded_memory_never_slows_the_broadcaster_and_others_keep_answering()
    {
        const int Broadcasts = 4000;
        const int MessageBytes = 16 * 1024; // 4,000 × 16 KiB: 64 MB if the stalled client's messages piled up
        await using var host = await TestHost.StartAsync(o =>
        {
            o.MaxQueuedMessages = 64;
            o.SendTimeout = TimeSpan.FromSeconds(2);
        });
        var hub = host.App.Services.GetRequiredService<ILiveHub>();

        // It enters the room, then never reads again: its receive buffers fill, then the server's sends wait.
        await using var stalled = await EnterRoomAsync(host);
        await using var other = await host.ConnectAsync();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var heard = RealTimePages.HeardAnywhere;
        var slowSends = 0;
        var answers = 0;
        for (var i = 0; i < Broadcasts; i++)
        {
            // A fold on this thread while it sends would be the broadcaster doing the stalled page's work.
            RealTimePages.Broadcasting = true;
            var send = hub.SendAsync(Audience.Topic(RealTimePages.Topic), new Said(new string((char)('a' + (i % 26)), MessageBytes)));
            RealTimePages.Broadcasting = false;
            if (!send.IsCompletedSuccessfully)
            {
                slowSends++;
            }

            if (i % 400 == 0)
            {
                await other.SendActionAsync("counter->increment");
                Assert.Equal("counter->increment", (await other.ReceiveAsync()).GetProperty("action").GetString());
                answers++;
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var grown = (after - before) / (1024.0 * 1024.0);
        Console.WriteLine($"A stalled client after {Broadcasts} broadcasts of {MessageBytes / 1024} KiB: managed heap {grown:F1} MB larger.");

        Assert.Equal(0, slowSends);
        Assert.True(RealTimePages.HeardAnywhere > heard, "the stalled page folded some of the messages");
        Assert.Equal(0, RealTimePages.HeardOnABroadcaster);
        Assert.Equal(Broadcasts / 400, answers);
        Assert.True(grown < 24, $"the managed heap grew by {grown:F1} MB");

        // It is let go: closed when its queue overflowed, or dropped when a send to it timed out.
        static bool LetGo(LogEntry e) => e.Message.Contains("fell behind") || e.Message.Contains("stopped reading");
        for (var i = 0; i < 200 && !host.Logs.Entries.Any(LetGo); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(host.Logs.Entries, LetGo);
    }

    [Fact]
    public async Task A_client_that_reads_too_slowly_for_its_queue_is_closed_with_1013()
    {
        await using var host = await TestHost.StartAsync(o => o.MaxQueuedMessages = 4);
        var hub = host.App.Services.GetRequiredService<ILiveHub>();
        await using var slow = await EnterRoomAsync(host);

        // Sent at once, far more than the 4 it may queue; its loop cannot keep up with a burst.
        for (var i = 0; i < 2000; i++)
        {
            await hub.SendAsync(Audience.Topic(RealTimePages.Topic), new Said("x"));
        }

        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        WebSocketReceiveResult result;
        do
        {
            result = await slow.Socket.ReceiveAsync(buffer, timeout.Token);
        }
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal((WebSocketCloseStatus)1013, result.CloseStatus);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("fell behind"));
    }
}
