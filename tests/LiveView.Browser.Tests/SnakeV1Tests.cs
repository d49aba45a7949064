using static LiveView.Browser.Tests.SnakeTests;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Snake example (F#) for a Django LiveView v1 client (no protocol 2, no mount: its first action, a key or a
/// click, mounts the game and starts its timer): the board redrawn from v1 frames, steering, pausing and the game's end.
/// </summary>
public sealed class SnakeV1Tests(Chromium chromium) : ExampleTest<Snake.GamePage.State>(chromium, Settings)
{
    [Fact]
    public async Task A_new_game_moves_turns_and_ends_at_the_wall_from_v1_frames()
    {
        var (page, frames) = await Context.OpenV1Async(new Uri(Server.Address, "/"));

        // N mounts the page and starts a new game (the snake in the middle, heading right); the timer moves it.
        await page.Keyboard.PressAsync("n");
        await Expect(Head(page)).Not.ToHaveAttributeAsync("x", "10");
        await Expect(page.Locator("#lobby li.you a")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowDown");

        await Expect(page.Locator("#status")).ToHaveTextAsync("Game over: the snake hit the wall. N or New game to play again.");
        await Expect(Head(page)).ToHaveAttributeAsync("y", "19");
        Assert.NotEqual("19", await Head(page).GetAttributeAsync("x")); // it turned before the right wall
        await Expect(page.Locator("#board svg")).ToHaveClassAsync("board over");
        // The board redrawn by v1 frames (the content of #board) is SVG, drawn, not unknown HTML elements.
        Assert.Equal(
            ["http://www.w3.org/2000/svg"],
            (await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#board svg *')].map(e => e.namespaceURI)")).Distinct());
        V1Client.AssertOnlyV1Fields(frames);
    }

    [Fact]
    public async Task New_game_starts_another_that_Space_pauses_and_resumes_from_v1_frames()
    {
        var (page, frames) = await Context.OpenV1Async(new Uri(Server.Address, "/"));
        var status = page.Locator("#status");

        await page.ClickAsync("#restart");
        await Expect(status).ToHaveTextAsync("Game over: the snake hit the wall. N or New game to play again.");
        await Expect(Head(page)).ToHaveAttributeAsync("x", "19");

        await page.ClickAsync("#restart");
        await Expect(status).ToHaveTextAsync("Arrow keys or WASD steer, Space pauses.");
        await Expect(page.Locator("#board svg")).ToHaveClassAsync("board");
        await Expect(Head(page)).Not.ToHaveAttributeAsync("x", "19");

        await page.Keyboard.PressAsync("Space");
        await Expect(status).ToHaveTextAsync("Paused: Space to go on.");
        var paused = await Head(page).GetAttributeAsync("x");
        await page.Keyboard.PressAsync("Space");
        await Expect(status).ToHaveTextAsync("Arrow keys or WASD steer, Space pauses.");
        await Expect(Head(page)).Not.ToHaveAttributeAsync("x", paused ?? ""); // it goes on
        V1Client.AssertOnlyV1Fields(frames);
    }
}
