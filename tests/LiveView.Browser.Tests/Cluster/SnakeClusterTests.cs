
namespace LiveView.Browser.Tests.Cluster;

/// <summary>Snake on two nodes behind nginx on one Redis: a game in progress outlives the node it was played on.</summary>
public sealed class SnakeClusterTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private RedisServer redis = null!;
    private ExampleCluster cluster = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        cluster = await ExampleCluster.SnakeAsync(redis.ConnectionString, SnakeTests.Settings);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task A_game_in_progress_resumes_on_the_other_node_when_its_node_is_killed()
    {
        var browser = await chromium.Browser.NewContextAsync(new() { Locale = "en-US" });
        browser.SetDefaultTimeout(20_000);
        var sockets = new PageSockets();
        var page = await browser.NewPageAsync();
        sockets.Watch(page);
        var received = ReceivedFrames.Of(page);
        await page.GotoAsync(cluster.Url("/").ToString());
        await page.WaitForLiveViewAsync();
        await page.MarkDocumentAsync();

        var paused = await PausedSnake.PlayAsync(page, received);

        Assert.Single(await cluster.KillTheNodeOfSomeAsync([sockets], s => s));
        await page.WaitForLiveViewAsync();

        // The same game on the other node.
        Assert.True(await page.IsSameDocumentAsync());
        await paused.ResumedOnAsync(page);
        await browser.CloseAsync();
    }
}
