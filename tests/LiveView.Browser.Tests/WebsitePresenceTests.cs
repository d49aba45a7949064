using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>The Website's live "N reading now" on a post: presence over real sockets in Chromium.</summary>
public sealed class WebsitePresenceTests(Chromium chromium) : WebsiteTest(chromium)
{
    [Fact]
    public async Task A_post_counts_the_tabs_reading_it_as_they_open_navigate_away_and_close()
    {
        var first = await OpenAsync("/blog/loading-states");
        await Expect(first.Locator("#readers")).ToHaveTextAsync("1 reading now");

        var second = await OpenAsync("/blog/loading-states");
        await Expect(second.Locator("#readers")).ToHaveTextAsync("2 reading now");
        await Expect(first.Locator("#readers")).ToHaveTextAsync("2 reading now");

        // Another post is another topic.
        var elsewhere = await OpenAsync("/blog/forms-that-validate");
        await Expect(elsewhere.Locator("#readers")).ToHaveTextAsync("1 reading now");
        await Expect(first.Locator("#readers")).ToHaveTextAsync("2 reading now");

        // Leaving the post by navigation, then closing the tab, each count.
        await second.ClickAsync("text=Back to the blog");
        await Expect(second).ToHaveURLAsync(Url("/blog").ToString());
        await Expect(first.Locator("#readers")).ToHaveTextAsync("1 reading now");

        await elsewhere.ClickAsync("text=Back to the blog");
        await elsewhere.GotoAsync(Url("/blog/loading-states").ToString());
        await Expect(first.Locator("#readers")).ToHaveTextAsync("2 reading now");
        await elsewhere.CloseAsync();
        await Expect(first.Locator("#readers")).ToHaveTextAsync("1 reading now");
    }
}
