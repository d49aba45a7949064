using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>The QuickStart in a real browser: click, patch, no reload; a server restart and the reconnect.</summary>
public sealed partial class QuickStartTests(Chromium chromium) : ExampleTest<QuickStart.Pages.HomeState>(chromium)
{
    [GeneratedRegex("^(10|[0-9])$")]
    private static partial Regex ZeroToTen();

    private static Task WaitForConnectionAsync(IPage page, string state, float timeout = 15_000) =>
        page.WaitForLiveViewAsync(state, timeout);

    [Fact]
    public async Task Clicking_the_button_shows_a_number_from_0_to_10_without_a_reload()
    {
        var sent = new List<string>();
        var page = await OpenAsync("/", p => p.WebSocket += (_, socket) => socket.FrameSent += (_, frame) => sent.Add(frame.Text ?? ""));
        var requests = new List<string>();
        var navigations = 0;
        page.Request += (_, request) => requests.Add(request.Url);
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        await page.EvaluateAsync("window.__sameDocument = true");

        await Expect(page.Locator("#output-random-number")).ToHaveTextAsync("");
        await page.ClickAsync("text=Random number");

        await Expect(page.Locator("#output-random-number")).ToHaveTextAsync(ZeroToTen());
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"));
        Assert.Equal(0, navigations);
        Assert.Empty(requests); // no REST call, no reload: the socket carried it
        Assert.Equal(new Uri(Server.Address, "/").ToString(), page.Url);
        var view = await page.EvaluateAsync<string>("document.querySelector('script[data-view]').dataset.view");
        Assert.Equal(
            [$$"""{"action":"home->mount","data":{"lang":"en"},"view":"{{view}}"}""", """{"action":"home->random_number","data":{"lang":"en"}}"""],
            sent);
    }

    [Fact]
    public async Task The_FSharp_counter_counts_over_the_socket()
    {
        var page = await OpenAsync("/counter");
        Assert.StartsWith("Counter: 0", await page.TitleAsync());
        for (var i = 0; i < 3; i++)
        {
            await page.ClickAsync("#increment");
        }

        await page.ClickAsync("#decrement");
        await Expect(page.Locator("#count")).ToHaveTextAsync("2");
        await page.ClickAsync("#reset");
        await Expect(page.Locator("#count")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task After_a_server_restart_the_page_reconnects_by_itself_and_the_button_works_again()
    {
        var page = await OpenAsync("/");
        var banner = page.Locator("#no_connection");
        await Expect(banner).ToBeHiddenAsync();

        await Server.StopAsync();
        await WaitForConnectionAsync(page, "disconnected");
        await Expect(banner).ToBeVisibleAsync();

        Server.Restart();
        await WaitForConnectionAsync(page, "connected", timeout: 30_000);
        await Expect(banner).ToBeHiddenAsync();

        await page.ClickAsync("text=Random number");
        await Expect(page.Locator("#output-random-number")).ToHaveTextAsync(ZeroToTen());
    }

    [Fact]
    public async Task Clicks_made_while_offline_are_sent_once_connected()
    {
        var page = await OpenAsync("/counter");
        await Server.StopAsync();
        await WaitForConnectionAsync(page, "disconnected");

        await page.ClickAsync("#increment");
        await page.ClickAsync("#increment");
        await Expect(page.Locator("#count")).ToHaveTextAsync("0");

        Server.Restart();
        await WaitForConnectionAsync(page, "connected", timeout: 30_000);
        await Expect(page.Locator("#count")).ToHaveTextAsync("2");
    }
}
