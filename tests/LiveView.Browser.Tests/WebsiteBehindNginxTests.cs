using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>The Website behind Debian's nginx, configured as docs/deploy.md says: pages, the socket, the database.</summary>
public sealed class WebsiteBehindNginxTests(Chromium chromium) : WebsiteTest(chromium)
{
    [Fact]
    public async Task A_browser_navigates_and_clicks_through_nginx()
    {
        await using var nginx = await NginxProxy.StartAsync(Server.Address);
        var sockets = new List<string>();
        var page = await Context.OpenLiveAsync(nginx.Address, p => p.WebSocket += (_, socket) => sockets.Add(socket.Url));
        Assert.StartsWith($"ws://{nginx.Address.Authority}/ws/liveview/", Assert.Single(sockets)); // through the proxy

        await page.ClickAsync("nav >> text=Blog");
        await Expect(page).ToHaveURLAsync(new Uri(nginx.Address, "/blog").ToString());
        await page.ClickAsync("#load-more");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(8);
        await page.ClickAsync("text=Forms that validate as you type");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Forms that validate as you type");

        await page.ReloadAsync();
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Forms that validate as you type");
        await page.ClickAsync("nav >> text=Contact");
        await page.ClickAsync("#send");
        await Expect(page.Locator("#error-name")).ToHaveTextAsync("Required.");
    }
}
