using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Website's "not found" page in Chromium: 404 over HTTP for an unknown address or slug, the same page when a link
/// to an unknown slug is followed over the socket, and the focus and announcement of a navigation.
/// </summary>
public sealed class WebsiteNotFoundTests(Chromium chromium) : WebsiteTest(chromium)
{
    [Fact]
    public async Task An_unknown_address_answers_404_with_the_sites_page_which_goes_live_without_an_error()
    {
        var page = await Context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // The browser's own line for the 404 answer aside: the client's errors.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(Url("/no/such/page").ToString());
        Assert.Equal(404, response!.Status);
        await page.WaitForLiveViewAsync();
        await Expect(page).ToHaveTitleAsync("Page not found · LiveView Website");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Page not found");

        // The page is live: its links navigate over the socket.
        await page.MarkDocumentAsync();
        await page.ClickAsync("main >> text=Back to the blog");
        await Expect(page).ToHaveURLAsync(Url("/blog").ToString());
        Assert.True(await page.IsSameDocumentAsync());
        Assert.Empty(errors);
        await Expect(page.Locator("#notifications .notification")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_link_to_an_unknown_slug_shows_over_the_socket_the_page_a_reload_gets_with_404()
    {
        var page = await OpenAsync("/blog");
        await page.MarkDocumentAsync();
        // A link to a post that is not there (a deleted post, a typo in a page's text).
        await page.EvaluateAsync(
            """
            () => document.querySelector("#main").insertAdjacentHTML("beforeend",
              '<a id="dead" href="/blog/no-such-post" data-action="page#changePage" data-page="blog_post" data-slug="no-such-post">Dead link</a>')
            """);
        await page.ClickAsync("#dead");

        await Expect(page).ToHaveURLAsync(Url("/blog/no-such-post").ToString());
        await Expect(page).ToHaveTitleAsync("Post not found · LiveView Website");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Post not found");
        Assert.True(await page.IsSameDocumentAsync());
        var shown = await page.InnerHTMLAsync("#main");

        var response = await page.ReloadAsync();
        Assert.Equal(404, response!.Status);
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Post not found");
        // The same page, the client's tabindex on the focused heading aside.
        Assert.Equal(shown.Replace(" tabindex=\"-1\"", ""), await page.InnerHTMLAsync("#main"));
    }

    [Fact]
    public async Task After_a_navigation_the_heading_has_the_focus_and_the_title_is_announced()
    {
        var page = await OpenAsync("/");
        await page.ClickAsync("nav >> text=Contact");
        await Expect(page.Locator("main h1")).ToBeFocusedAsync();
        await Expect(page.Locator("#liveview-announcer")).ToHaveTextAsync("Contact · LiveView Website");
        await Expect(page.Locator("#liveview-announcer")).ToHaveAttributeAsync("aria-live", "polite");

        // Back (from the session's history) too.
        await page.GoBackAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Welcome");
        await Expect(page.Locator("main h1")).ToBeFocusedAsync();
        await Expect(page.Locator("#liveview-announcer")).ToHaveTextAsync("Welcome · LiveView Website");
    }
}
