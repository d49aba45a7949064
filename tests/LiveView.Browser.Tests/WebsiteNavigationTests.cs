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

    /// <summary>Takes the snapshots of their pages' states out of the history entries the client keeps.</summary>
    private static Task ForgetKeptStatesAsync(IPage page) =>
        page.EvaluateAsync("""
            Object.keys(sessionStorage).filter((key) => key.startsWith("liveview:")).forEach((key) => {
              const entry = JSON.parse(sessionStorage.getItem(key));
              delete entry.kept;
              sessionStorage.setItem(key, JSON.stringify(entry));
            })
            """);

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
    public async Task Back_restores_from_session_storage_at_once_and_resumes_the_page_and_forward_works()
    {
        var sent = new List<string>();
        ReceivedFrames received = null!;
        var page = await OpenAsync("/", p =>
        {
            received = ReceivedFrames.Of(p);
            p.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
            {
                lock (sent)
                {
                    sent.Add(frame.Text ?? "");
                }
            };
        });
        await page.SetViewportSizeAsync(800, 400); // short enough for the blog to scroll

        await page.ClickAsync("nav >> text=Blog");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(4);
        await page.ClickAsync("#load-more");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(8);
        await received.WaitForSnapshotAsync(); // of the blog's state, 8 posts loaded
        await page.EvaluateAsync("document.querySelector('#posts li').dataset.before = 'yes'");
        await page.EvaluateAsync("window.scrollTo(0, 120)");
        Assert.Equal(120, await page.EvaluateAsync<int>("Math.round(window.scrollY)"));
        // A click from script: Playwright's own click would first scroll the link into view.
        await page.EvaluateAsync("document.querySelector('nav a[data-page=about]').click()");
        await Expect(page).ToHaveURLAsync(Url("/about").ToString());

        int before;
        lock (sent)
        {
            before = sent.Count;
        }

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(Url("/blog").ToString());
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(8); // the page as it was, not a fresh one
        await Expect(page).ToHaveTitleAsync("Blog · LiveView Website");
        await Expect(page.Locator("nav a.active")).ToHaveTextAsync("Blog");
        await page.WaitForFunctionAsync("Math.round(window.scrollY) === 120"); // where the reader was

        // The server resumed the blog from the snapshot of its state kept with the entry, and redrew nothing.
        await page.WaitForFunctionAsync("document.documentElement.dataset.liveview === 'connected'");
        for (var wait = 0; wait < 300 && received.Last != """{"action":"blog->mount"}"""; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Equal("""{"action":"blog->mount"}""", received.Last);
        lock (sent)
        {
            var mount = Assert.Single(sent.Skip(before));
            Assert.StartsWith("""{"action":"blog->mount","data":{""", mount, StringComparison.Ordinal);
            Assert.Contains("\"state\":\"", mount, StringComparison.Ordinal);
        }

        Assert.Equal("yes", await page.GetAttributeAsync("#posts li", "data-before"));
        // It goes on from there: the next four.
        var posts = await QueryAsync(db => db.Posts.CountAsync(p => p.Lang == "en"));
        await page.ClickAsync("#load-more");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(Math.Min(posts, 12));

        await page.GoForwardAsync();
        await Expect(page).ToHaveURLAsync(Url("/about").ToString());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("About");

        await page.GoBackAsync();
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(Url("/").ToString());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Welcome");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_page_back_from_history_is_what_the_server_diffs_against(bool stateKept)
    {
        // The home page searched, then left for another page over the socket: the server no longer holds it.
        ReceivedFrames received = null!;
        var page = await OpenAsync("/", p => received = ReceivedFrames.Of(p));
        await page.FillAsync("#q", "pa");
        await Expect(page.Locator("#results")).ToContainTextAsync("posts match.");
        // The snapshot of the page's state with its results (sent once the state stays unchanged a moment).
        await received.WaitForSnapshotAsync();

        await page.EvaluateAsync("document.querySelector('nav a[data-page=about]').click()");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("About");
        if (!stateKept)
        {
            // The history entry without the snapshot of its page's state (as one whose page forgets its state).
            await ForgetKeptStatesAsync(page);
        }

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(Url("/").ToString());
        if (stateKept)
        {
            // Resumed from it: the page as it was.
            await Expect(page.Locator("#results")).ToContainTextAsync("posts match.");
        }
        else
        {
            // Mounted afresh and shown again: the server's page, what was typed kept.
            await Expect(page.Locator("#results")).ToHaveTextAsync("");
            Assert.Equal("pa", await page.InputValueAsync("#q"));
        }

        // Drawn again or not, the heading has the focus a page put back has.
        await Expect(page.Locator("main h1")).ToBeFocusedAsync();

        // Another search: the frames are diffed against what the browser shows, so #results ends as a page that
        // searched for it alone shows it.
        await page.FillAsync("#q", "forms");
        await Expect(page.Locator("#results li")).ToHaveCountAsync(
            await QueryAsync(db => db.Posts.CountAsync(p => p.Lang == "en" && EF.Functions.Like(p.Title, "%forms%"))));
        await Expect(page.Locator("#loading")).ToBeHiddenAsync();

        var fresh = await OpenAsync("/");
        await fresh.FillAsync("#q", "forms");
        await Expect(fresh.Locator("#results li")).ToHaveCountAsync(await page.Locator("#results li").CountAsync());
        await Expect(fresh.Locator("#loading")).ToBeHiddenAsync();
        Assert.Equal(await fresh.InnerHTMLAsync("#results"), await page.InnerHTMLAsync("#results"));
        Assert.Equal("forms", await page.InputValueAsync("#q"));
    }

    [Fact]
    public async Task Back_twice_before_the_first_answer_ends_on_the_second_page_with_no_entry_added()
    {
        var page = await OpenAsync("/");
        await page.ClickAsync("nav >> text=About");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("About");
        await page.ClickAsync("nav >> text=Contact");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Contact");
        var entries = await page.EvaluateAsync<int>("history.length");

        // The entries without the snapshots of their pages' states: each back mounts its page afresh, and its answer
        // is a navigation.
        await ForgetKeptStatesAsync(page);
        await page.EvaluateAsync("""
            window.__home = new Promise((resolve) => document.addEventListener("liveview:patch", (event) => {
              if (event.detail.action === "home->send_page") resolve();
            }));
            null; // (not the promise: evaluating would wait for it)
            """);

        // Every frame takes 300 ms each way: the second back comes before the answer to the first one's mount.
        await page.EvaluateAsync("LiveView.enableLatencySim(300)");
        await page.EvaluateAsync("history.back()");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("About");
        await page.EvaluateAsync("history.back()");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Welcome");

        // The second answer came (after the first: frames keep their order).
        await page.EvaluateAsync("window.__home").WaitAsync(TimeSpan.FromSeconds(15));
        await Expect(page).ToHaveURLAsync(Url("/").ToString());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Welcome");
        Assert.Equal(entries, await page.EvaluateAsync<int>("history.length"));

        // And the server holds the home page: a search answers on it.
        await page.EvaluateAsync("LiveView.disableLatencySim()");
        await page.FillAsync("#q", "pa");
        await Expect(page.Locator("#results")).ToContainTextAsync("posts match.");

        // Where the history was left: forward goes to the About page, then to the Contact page.
        await page.GoForwardAsync();
        await Expect(page).ToHaveURLAsync(Url("/about").ToString());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("About");
        await page.GoForwardAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Contact");
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
