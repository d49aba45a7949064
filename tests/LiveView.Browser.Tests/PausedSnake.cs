using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// A Snake game paused on its way up, as a page showed it: to check that a page which lost its server resumes the same
/// game, not a new one.
/// </summary>
public sealed record PausedSnake(string Board, string? X, int Y)
{
    /// <summary>
    /// Starts a new game on <paramref name="page"/>, turns it up (it leaves the middle row), pauses it on its way to
    /// the top wall, and waits until the client holds the snapshot of that state.
    /// </summary>
    public static async Task<PausedSnake> PlayAsync(IPage page, ReceivedFrames received)
    {
        await page.Keyboard.PressAsync("n");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(SnakeTests.Head(page)).Not.ToHaveAttributeAsync("y", "10");
        await page.Keyboard.PressAsync("p");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Paused: Space to go on.");
        var paused = new PausedSnake(
            await page.InnerHTMLAsync("#board"),
            await SnakeTests.Head(page).GetAttributeAsync("x"),
            await HeadRowAsync(page));
        await received.WaitForSnapshotAsync();
        return paused;
    }

    /// <summary>
    /// Checks that <paramref name="page"/> shows this game again (the same board, still paused), and that Space goes
    /// on up from where the snake was (a new game would head right from the middle).
    /// </summary>
    public async Task ResumedOnAsync(IPage page)
    {
        Assert.Equal(Board, await page.InnerHTMLAsync("#board"));
        await Expect(page.Locator("#status")).ToHaveTextAsync("Paused: Space to go on.");
        await page.Keyboard.PressAsync("Space");
        await Expect(SnakeTests.Head(page)).Not.ToHaveAttributeAsync("y", Y.ToString(CultureInfo.InvariantCulture));
        Assert.True(await HeadRowAsync(page) < Y, "the snake went on up");
        Assert.Equal(X, await SnakeTests.Head(page).GetAttributeAsync("x"));
    }

    private static async Task<int> HeadRowAsync(IPage page) =>
        int.Parse((await SnakeTests.Head(page).GetAttributeAsync("y"))!, CultureInfo.InvariantCulture);
}
