using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// A page's state survives a server restart (a deploy, a lost node): the client kept the snapshot the server sent and
/// mounts with it when it reconnects to the new server, which resumes the page where it was; nothing on screen moves.
/// </summary>
public sealed class PageStateTests(Chromium chromium) : ExampleTest<QuickStart.Pages.HomeState>(chromium)
{
    /// <summary>Opens <paramref name="path"/>, recording the frames the client sends and receives.</summary>
    private async Task<(IPage Page, List<string> Sent, ReceivedFrames Received)> OpenRecordingAsync(string path)
    {
        var sent = new List<string>();
        ReceivedFrames received = null!;
        var page = await OpenAsync(path, p =>
        {
            received = ReceivedFrames.Of(p);
            p.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
            {
                lock (sent)
                {
                    sent.Add(frame.Text ?? "");
                }
            };
        });
        return (page, sent, received);
    }

    private async Task RestartServerAsync(IPage page)
    {
        await Server.StopAsync();
        await page.WaitForLiveViewAsync("disconnected");
        Server.Restart();
        await page.WaitForLiveViewAsync("connected", timeout: 30_000);
    }

    [Fact]
    public async Task The_counter_goes_on_from_where_it_was_after_a_server_restart()
    {
        var (page, sent, received) = await OpenRecordingAsync("/counter");
        for (var i = 0; i < 3; i++)
        {
            await page.ClickAsync("#increment");
        }

        await Expect(page.Locator("#count")).ToHaveTextAsync("3");
        await received.WaitForSnapshotAsync();

        await RestartServerAsync(page);
        await Expect(page.Locator("#count")).ToHaveTextAsync("3");
        await page.ClickAsync("#increment");
        await Expect(page.Locator("#count")).ToHaveTextAsync("4");
        Assert.StartsWith("Counter: 4", await page.TitleAsync());
        lock (sent)
        {
            Assert.Contains(sent, frame => frame.StartsWith("""{"action":"counter->mount""", StringComparison.Ordinal) && frame.Contains("\"state\":\"", StringComparison.Ordinal));
            Assert.DoesNotContain(sent, frame => frame.Contains("counter->send_page", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_todo_list_resumes_after_a_server_restart_with_nothing_redrawn_and_the_half_typed_item_kept()
    {
        var (page, _, received) = await OpenRecordingAsync("/todo");
        foreach (var item in new[] { "Milk", "Eggs" })
        {
            await page.FillAsync("#text", item);
            await page.ClickAsync("#new button");
            await Expect(page.Locator("#items li")).ToContainTextAsync([item]);
        }

        await Expect(page.Locator("#items li")).ToHaveCountAsync(2);
        await page.CheckAsync("#check-1");
        await Expect(page.Locator("#item-1")).ToHaveClassAsync("done");
        await page.FillAsync("#text", "Bre");
        await page.EvaluateAsync("document.querySelector('#items').__before = true; window.scrollTo(0, 0)");
        await received.WaitForSnapshotAsync();

        await RestartServerAsync(page);

        // Nothing was redrawn: the list is the element it was; the half-typed item is still in its field.
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('#items').__before === true"));
        await Expect(page.Locator("#text")).ToHaveValueAsync("Bre");
        await Expect(page.Locator("#item-1")).ToHaveClassAsync("done");
        await Expect(page.Locator("#left")).ToHaveTextAsync("1 item left");

        // The new server has the list: clearing the done items leaves the other one.
        await page.ClickAsync("#clear");
        await Expect(page.Locator("#items li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#item-2")).ToContainTextAsync("Eggs");
        await page.ClickAsync("#new button");
        await Expect(page.Locator("#items li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#items li").Last).ToContainTextAsync("Bre");
    }

    [Fact]
    public async Task The_snapshot_is_kept_in_memory_only_and_a_reload_is_a_fresh_page()
    {
        var (page, _, received) = await OpenRecordingAsync("/counter");
        await page.ClickAsync("#increment");
        await Expect(page.Locator("#count")).ToHaveTextAsync("1");
        await received.WaitForSnapshotAsync();
        var token = System.Text.Json.JsonDocument.Parse(received.Last).RootElement.GetProperty("state").GetString()!;

        const string stored = "token => [...Object.values(sessionStorage), ...Object.values(localStorage), document.cookie].some(v => v.includes(token))";
        Assert.False(await page.EvaluateAsync<bool>(stored, token));

        await page.ReloadAsync();
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("#count")).ToHaveTextAsync("0");
    }
}
