using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>History switched off (<c>LiveView:History=false</c>): back and forward load the page from the server.</summary>
public sealed class WebsiteHistoryOffTests(Chromium chromium)
    : WebsiteTest(chromium, new Dictionary<string, string> { ["LiveView:History"] = "false" })
{
    [Fact]
    public async Task Back_loads_the_previous_URL_from_the_server()
    {
        var page = await OpenAsync("/");
        await page.ClickAsync("nav >> text=About");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("About");
        await page.MarkDocumentAsync();

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(Url("/").ToString());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Welcome");
        await page.WaitForLiveViewAsync();
        Assert.False(await page.IsSameDocumentAsync()); // a new document: the server rendered it
        Assert.Equal(0, await page.EvaluateAsync<int>("sessionStorage.length"));
    }
}
