using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Snake example (F#) in a real browser: a timer moves the snake, keys steer it wherever the focus is, the game
/// ends at the wall and starts again, and a watch page follows a game live and sees its player leave.
/// </summary>
public sealed class SnakeTests(Chromium chromium) : ExampleTest<Snake.GamePage.State>(chromium, Settings)
{
    // From the middle of the 20 × 20 board, the snake reaches a wall in 10 steps: at 200 ms a step, a test has 2 s to
    // act on a new game. No test measures the speed; each waits for the state it expects.
    internal static readonly Dictionary<string, string> Settings = new() { ["Snake:Tick"] = "00:00:00.2" };

    internal static ILocator Head(IPage page) => page.Locator("#board .head");

    /// <summary>Records the actions the page sends (<c>snake-&gt;pause</c>...).</summary>
    private static List<string> RecordActions(IPage page)
    {
        var actions = new List<string>();
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            using var json = JsonDocument.Parse(frame.Text ?? "{}");
            if (json.RootElement.TryGetProperty("action", out var action))
            {
                lock (actions)
                {
                    actions.Add(action.GetString() ?? "");
                }
            }
        };
        return actions;
    }

    [Fact]
    public async Task The_snake_moves_by_itself()
    {
        List<string> actions = [];
        var page = await OpenAsync("/", p => actions = RecordActions(p));

        // The first paint has the head in the middle, heading right; the timer alone moves it.
        await Expect(Head(page)).Not.ToHaveAttributeAsync("x", "10");
        await Expect(Head(page)).ToHaveAttributeAsync("y", "10");
        Assert.Equal(["snake->mount"], actions);
    }

    [Theory]
    [InlineData("ArrowDown", "19")]
    [InlineData("w", "0")]
    public async Task A_key_turns_the_snake_until_it_hits_that_wall(string key, string wallRow)
    {
        var page = await OpenAsync("/");

        // Nothing has the focus: the keys are bound on <body>. N starts a new game (the snake in the middle,
        // heading right), the key turns it; it goes straight on to the wall of that side.
        await page.Keyboard.PressAsync("n");
        await page.Keyboard.PressAsync(key);

        await Expect(page.Locator("#status")).ToContainTextAsync("Game over: the snake hit the wall");
        await Expect(Head(page)).ToHaveAttributeAsync("y", wallRow);
        Assert.NotEqual("19", await Head(page).GetAttributeAsync("x")); // it did not go on to the right wall
    }

    [Fact]
    public async Task The_game_ends_at_the_wall_and_New_game_starts_another_that_Space_pauses()
    {
        List<string> actions = [];
        var page = await OpenAsync("/", p => actions = RecordActions(p));
        var status = page.Locator("#status");

        await Expect(status).ToHaveTextAsync("Game over: the snake hit the wall. N or New game to play again.");
        await Expect(Head(page)).ToHaveAttributeAsync("x", "19");
        await Expect(page.Locator("#board svg")).ToHaveClassAsync("board over");

        await page.ClickAsync("#restart");
        await Expect(status).ToHaveTextAsync("Arrow keys or WASD steer, Space pauses.");
        await Expect(page.Locator("#board svg")).ToHaveClassAsync("board");
        await Expect(Head(page)).Not.ToHaveAttributeAsync("x", "19");

        // The button keeps the focus after the click; Space pauses the game and does not press the button again.
        Assert.Equal("restart", await page.EvaluateAsync<string>("document.activeElement.id"));
        lock (actions)
        {
            actions.Clear();
        }

        await page.Keyboard.PressAsync("Space");
        await Expect(status).ToHaveTextAsync("Paused: Space to go on.");
        lock (actions)
        {
            Assert.Equal(["snake->pause"], actions);
        }

        await page.Keyboard.PressAsync("Space");
        await Expect(status).ToHaveTextAsync("Arrow keys or WASD steer, Space pauses.");
    }

    [Fact]
    public async Task A_watcher_follows_a_game_live_sees_it_end_and_sees_its_player_leave()
    {
        var player = await OpenAsync("/");
        var mine = player.Locator("#lobby li.you a");
        await Expect(mine).ToHaveCountAsync(1);
        var href = await mine.GetAttributeAsync("href") ?? "";
        Assert.Matches("^/watch/[a-z2-9]{8}$", href);

        var watcher = await OpenAsync(href);
        await Expect(player.Locator("#watchers")).ToHaveTextAsync("1 person is watching.");
        await Expect(watcher.Locator($"#lobby li.watched a[href='{href}']")).ToHaveCountAsync(1);

        // A new game while watched: the watcher's board changes with every step, up to the same end as the player's.
        await player.Keyboard.PressAsync("n");
        await watcher.WaitForFunctionAsync(
            """
            () => {
              const head = document.querySelector("#board .head");
              if (!head) return false;
              const seen = (window.__seen ??= new Set());
              seen.add(head.getAttribute("x") + "," + head.getAttribute("y"));
              return seen.size >= 3;
            }
            """,
            null,
            new() { PollingInterval = 20 });
        await Expect(watcher.Locator("#status")).ToHaveTextAsync("Game over.");
        Assert.Equal(await player.InnerHTMLAsync("#board"), await watcher.InnerHTMLAsync("#board"));
        // Shapes the board was sent after its first paint are SVG shapes (drawn), not unknown HTML elements.
        Assert.Equal(
            ["http://www.w3.org/2000/svg"],
            (await watcher.EvaluateAsync<string[]>("[...document.querySelectorAll('#board svg *')].map(e => e.namespaceURI)")).Distinct());

        // Another game, paused: the watcher sees it paused; then the player's tab closes.
        await player.Keyboard.PressAsync("n");
        await player.Keyboard.PressAsync("Space");
        await Expect(watcher.Locator("#status")).ToHaveTextAsync("Paused.");
        await player.CloseAsync();
        await Expect(watcher.Locator("#status")).ToHaveTextAsync("The player has left.");
        await Expect(watcher.Locator("#lobby")).ToHaveTextAsync("No game is running.");
    }

    [Fact]
    public async Task A_watch_address_that_names_no_game_says_so()
    {
        var page = await OpenAsync("/watch/not-a-game");
        await Expect(page.Locator("#status")).ToContainTextAsync("This address names no game");
    }
}
