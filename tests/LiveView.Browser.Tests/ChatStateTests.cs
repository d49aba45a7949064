using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// A chat room survives a server restart (a deploy): the page resumes with its state on the new server, the messages
/// shown stay (they are the client's: a stream), the list keeps its scroll position and the half-typed message stays in
/// its box; the box then sends it.
/// </summary>
public sealed class ChatStateTests(Chromium chromium) : ChatTest(chromium)
{
    [Fact]
    public async Task A_room_resumes_after_a_restart_with_its_messages_its_scroll_and_the_half_typed_message()
    {
        ReceivedFrames received = null!;
        var page = await SignInAsync(await NewBrowserAsync(), "ann", "/rooms/lobby", p => received = ReceivedFrames.Of(p));
        foreach (var text in new[] { "one", "two", "three" })
        {
            await SayAsync(page, text);
            await Expect(page.Locator("#lines li .text").Last).ToHaveTextAsync(text);
        }

        await Expect(page.Locator("#lines li .text")).ToHaveTextAsync(["one", "two", "three"]);
        await page.SetViewportSizeAsync(800, 120); // the list (60vh at most) scrolls
        await page.FillAsync("#text", "Hello, wor");
        await page.EvaluateAsync("document.querySelector('#lines').__before = true; const s = document.querySelector('.scroller'); s.scrollTop = -5; window.__scroll = s.scrollTop");
        Assert.NotEqual(0, await page.EvaluateAsync<double>("window.__scroll")); // the list is scrolled away from its newest message
        await received.WaitForSnapshotAsync();

        await Server.StopAsync();
        await page.WaitForLiveViewAsync("disconnected");
        Server.Restart();
        await page.WaitForLiveViewAsync("connected", timeout: 30_000);
        await Expect(page.Locator("#present li")).ToHaveTextAsync(["ann"]);

        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('#lines').__before === true"), "the list was not redrawn");
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('.scroller').scrollTop === window.__scroll"), "the list kept its scroll");
        await Expect(page.Locator("#lines li .text")).ToHaveTextAsync(["one", "two", "three"]);
        await Expect(page.Locator("#text")).ToHaveValueAsync("Hello, wor");

        // The new server resumed the page with its room, its user and its draft: the box sends it.
        await page.ClickAsync("#send");
        await Expect(page.Locator("#lines li .text")).ToHaveTextAsync(["one", "two", "three", "Hello, wor"]);
        await Expect(page.Locator("#text")).ToHaveValueAsync("");
        Assert.Contains(("lobby", "ann", "Hello, wor"), await Server.StoredAsync());
    }
}
