using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>The Website as a single-page app: navigation, meta tags, active item, history, reloads, the blog.</summary>
public sealed class WebsiteNavigationTests(Chromium chromium) : WebsiteTest(chromium)
{
    private static async Task ExpectPageAsync(IPage page, string url, string title, string description, string activeNav)
    {
        await Expect(page).ToHaveURLAsync(url);
        await Expect(page).ToHaveTitleAsync(title + " · LiveView Website");
        await Expect(page.Locator("head meta[name=description]")).ToHaveAttributeAsync("content", description);
        if (activeNav.Length > 0)
        {
            await Expect(page.Locator("nav a.active")).ToHaveTextAsync(activeNav);
            await Expect(page.Locator("nav a[aria-current=page]")).ToHaveCountAsync(1);
        }
        else
        {
            await Expect(page.Locator("nav a.active")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task Every_page_opens_from_the_menu_without_a_reload_with_its_URL_title_meta_and_active_item()
    {
        var page = await OpenAsync("/");
        await page.MarkDocumentAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.ClickAsync("nav >> text=Blog");
        await ExpectPageAsync(page, Url("/blog").ToString(), "Blog", "Posts from the database.", "Blog");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(4);

        await page.ClickAsync("nav >> text=About");
        await ExpectPageAsync(page, Url("/about").ToString(), "About", "About the LiveView for .NET example site.", "About");
        await Expect(page.Locator("head meta[property='og:title']")).ToHaveAttributeAsync("content", "About");

        await page.ClickAsync("nav >> text=Contact");
        await ExpectPageAsync(page, Url("/contact").ToString(), "Contact", "Write to us; the message is stored in the database.", "Contact");

        await page.ClickAsync("nav >> text=Home");
        await ExpectPageAsync(page, Url("/").ToString(), "Welcome",
            "Every page of this site is a pure function on the server; the browser only sends events and shows HTML.", "Home");

        Assert.True(await page.IsSameDocumentAsync());
        Assert.Empty(requests); // every page came over the socket
    }

    [Fact]
    public async Task A_post_opens_by_slug_from_the_database_with_its_meta()
    {
        var post = await QueryAsync(db => db.Posts.SingleAsync(p => p.Slug == "loading-states" && p.Lang == "en"));
        var page = await OpenAsync("/blog");
        await page.ClickAsync($"text={post.Title}");

        await ExpectPageAsync(page, Url("/blog/loading-states").ToString(), post.Title, post.Summary, "");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(post.Title);
        await Expect(page.Locator("#body")).ToHaveTextAsync(post.Body);
        await Expect(page.Locator("head meta[property='og:type']")).ToHaveAttributeAsync("content", "article");
    }

    [Fact]
    public async Task A_reload_at_a_deep_URL_lands_on_the_same_page_rendered_by_the_server()
    {
        var page = await OpenAsync("/blog");
        await page.ClickAsync("text=Forms that validate as you type");
        await Expect(page).ToHaveURLAsync(Url("/blog/forms-that-validate").ToString());

        var response = await page.ReloadAsync();
        Assert.Contains("<h1>Forms that validate as you type</h1>", await response!.TextAsync()); // in the server's HTML itself
        await page.WaitForLiveViewAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Forms that validate as you type");
        await Expect(page).ToHaveTitleAsync("Forms that validate as you type · LiveView Website");
    }

    [Fact]
    public async Task Back_restores_from_session_storage_without_a_round_trip_and_forward_works()
    {
        var sent = new List<string>();
        var page = await OpenAsync("/", p => p.WebSocket += (_, socket) => socket.FrameSent += (_, frame) => sent.Add(frame.Text ?? ""));
        await page.SetViewportSizeAsync(800, 400); // short enough for the blog to scroll

        await page.ClickAsync("nav >> text=Blog");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(4);
        await page.ClickAsync("#load-more");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(8);
        await page.EvaluateAsync("window.scrollTo(0, 120)");
        Assert.Equal(120, await page.EvaluateAsync<int>("Math.round(window.scrollY)"));
        // A click from script: Playwright's own click would first scroll the link into view.
        await page.EvaluateAsync("document.querySelector('nav a[data-page=about]').click()");
        await Expect(page).ToHaveURLAsync(Url("/about").ToString());

        var before = sent.Count;
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(Url("/blog").ToString());
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(8); // the page as it was, not a fresh one
        await Expect(page).ToHaveTitleAsync("Blog · LiveView Website");
        await Expect(page.Locator("nav a.active")).ToHaveTextAsync("Blog");
        Assert.Equal(before, sent.Count); // no round trip
        await page.WaitForFunctionAsync("Math.round(window.scrollY) === 120"); // where the reader was

        await page.GoForwardAsync();
        await Expect(page).ToHaveURLAsync(Url("/about").ToString());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("About");

        await page.GoBackAsync();
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(Url("/").ToString());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Welcome");
    }

    [Fact]
    public async Task Forward_to_a_page_that_is_not_kept_asks_the_server()
    {
        var page = await OpenAsync("/");
        await page.ClickAsync("nav >> text=About");
        await Expect(page).ToHaveURLAsync(Url("/about").ToString());
        await page.GoBackAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Welcome");
        await page.EvaluateAsync("sessionStorage.clear()");

        await page.GoForwardAsync();
        await Expect(page).ToHaveURLAsync(Url("/about").ToString());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("About");
        await Expect(page.Locator("#wave")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Load_more_appends_posts_until_there_are_none()
    {
        var page = await OpenAsync("/blog");
        await page.MarkDocumentAsync();
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(4);
        await page.ClickAsync("#load-more");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(8);
        await page.ClickAsync("#load-more");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(10);
        await Expect(page.Locator("#load-more")).ToHaveCountAsync(0);
        Assert.True(await page.IsSameDocumentAsync());
    }

    [Fact]
    public async Task The_FSharp_page_works_after_navigation()
    {
        var page = await OpenAsync("/");
        await page.ClickAsync("nav >> text=About");
        await page.ClickAsync("#wave");
        await page.ClickAsync("#wave");
        await Expect(page.Locator("#waves")).ToHaveTextAsync("2");
    }
}
