using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>A Snake game in progress survives a server restart: it resumes where it was, not as a new game.</summary>
public sealed class SnakeStateTests(Chromium chromium) : ExampleTest<Snake.GamePage.State>(chromium, SnakeTests.Settings)
{
    [Fact]
    public async Task A_paused_game_resumes_after_a_restart_as_it_was_and_goes_on()
    {
        ReceivedFrames received = null!;
        var page = await OpenAsync("/", p => received = ReceivedFrames.Of(p));

        // A new game, turned up: it leaves the middle row; paused on its way to the top wall (ten steps away).
        await page.Keyboard.PressAsync("n");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(SnakeTests.Head(page)).Not.ToHaveAttributeAsync("y", "10");
        await page.Keyboard.PressAsync("p");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Paused: Space to go on.");
        var board = await page.InnerHTMLAsync("#board");
        var x = await SnakeTests.Head(page).GetAttributeAsync("x");
        var y = int.Parse((await SnakeTests.Head(page).GetAttributeAsync("y"))!, CultureInfo.InvariantCulture);
        await received.WaitForSnapshotAsync();

        await Server.StopAsync();
        await page.WaitForLiveViewAsync("disconnected");
        Server.Restart();
        await page.WaitForLiveViewAsync("connected", timeout: 30_000);

        // The same board, still paused; Space goes on upwards from where the snake was (a new game would head right
        // from the middle).
        Assert.Equal(board, await page.InnerHTMLAsync("#board"));
        await Expect(page.Locator("#status")).ToHaveTextAsync("Paused: Space to go on.");
        await page.Keyboard.PressAsync("Space");
        await Expect(SnakeTests.Head(page)).Not.ToHaveAttributeAsync("y", y.ToString(CultureInfo.InvariantCulture));
        Assert.True(int.Parse((await SnakeTests.Head(page).GetAttributeAsync("y"))!, CultureInfo.InvariantCulture) < y, "the snake went on up");
        Assert.Equal(x, await SnakeTests.Head(page).GetAttributeAsync("x"));
    }
}
