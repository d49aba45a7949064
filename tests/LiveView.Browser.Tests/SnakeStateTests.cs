namespace LiveView.Browser.Tests;

/// <summary>A Snake game in progress survives a server restart: it resumes where it was, not as a new game.</summary>
public sealed class SnakeStateTests(Chromium chromium) : ExampleTest<Snake.GamePage.State>(chromium, SnakeTests.Settings)
{
    [Fact]
    public async Task A_paused_game_resumes_after_a_restart_as_it_was_and_goes_on()
    {
        ReceivedFrames received = null!;
        var page = await OpenAsync("/", p => received = ReceivedFrames.Of(p));

        var paused = await PausedSnake.PlayAsync(page, received);

        await Server.StopAsync();
        await page.WaitForLiveViewAsync("disconnected");
        Server.Restart();
        await page.WaitForLiveViewAsync("connected", timeout: 30_000);

        await paused.ResumedOnAsync(page);
    }
}
