using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests.Cluster;

/// <summary>The Chat example on two nodes behind nginx, as docs/scaling.md deploys it.</summary>
public sealed class ChatClusterTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Requests_and_sockets_go_to_both_nodes_and_a_lost_node_leaves_the_other_serving()
    {
        await using var cluster = await ChatCluster.StartAsync();
        var browser = await chromium.Browser.NewContextAsync(new() { Locale = "en-US" });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(cluster.Url("/rooms/lobby").ToString());
        await page.FillAsync("#name", "ada");
        await page.ClickAsync("#sign-in");
        await page.WaitForLiveViewAsync();

        await cluster.A.KillAsync();
        await page.ReloadAsync();
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("main h1")).ToContainTextAsync("lobby");
        await browser.CloseAsync();
    }
}
