using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using LiveView.AspNetCore.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests.Cluster;

/// <summary>
/// The Chat example on two nodes behind nginx on one Redis, as docs/scaling.md deploys it: messages and presence span
/// both nodes, and a node lost or restarted costs its users nothing they were doing.
/// </summary>
public sealed partial class ChatClusterTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly List<IBrowserContext> browsers = [];
    private RedisServer redis = null!;
    private ExampleCluster cluster = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        cluster = await ExampleCluster.ChatAsync(redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        foreach (var browser in browsers)
        {
            await browser.CloseAsync();
        }

        await cluster.DisposeAsync();
        await redis.DisposeAsync();
    }

    [GeneratedRegex("class=\\\\?\"text\\\\?\">([ab])(\\d+)<")]
    private static partial Regex SaidText();

    [Fact]
    public async Task Ten_thousand_messages_posted_to_both_nodes_reach_every_tab_on_both_nodes_once_and_in_order()
    {
        const int each = 5_000;
        var cookies = await ChatSignIn.CookiesAsync(cluster.Address, "ada");
        var tabs = new List<LiveSocket>();
        foreach (var node in new[] { cluster.A, cluster.B, cluster.A, cluster.B })
        {
            var socket = new ClientWebSocket();
            socket.Options.Cookies = cookies;
            await socket.ConnectAsync(new Uri($"ws://{node.Address.Authority}{LiveView.Protocol.DefaultSocketPath}?protocol=2"), CancellationToken.None);
            var tab = new LiveSocket(socket);
            await tab.SendAsync("""{"action":"room->mount","data":{"lang":"en","room":"lobby"}}""");
            await tab.ReceiveAsync(); // mounted: in the room
            tabs.Add(tab);
        }

        // Each tab reads what it is sent until it has the last message of both nodes.
        var reading = tabs.Select(ReadAllAsync).ToList();
        await Task.WhenAll(PostAsync(cluster.A, "a"), PostAsync(cluster.B, "b"));
        var seen = await Task.WhenAll(reading);

        foreach (var said in seen)
        {
            Assert.Equal(Enumerable.Range(0, each), said.Where(s => s.Node == 'a').Select(s => s.N));
            Assert.Equal(Enumerable.Range(0, each), said.Where(s => s.Node == 'b').Select(s => s.N));
        }

        foreach (var tab in tabs)
        {
            await tab.DisposeAsync();
        }

        async Task PostAsync(AppNode node, string prefix)
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = node.Address };
            for (var i = 0; i < each; i++)
            {
                var posted = await http.PostAsJsonAsync("/rooms/lobby/messages", new { text = $"{prefix}{i}" });
                Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            }
        }

        async Task<List<(char Node, int N)>> ReadAllAsync(LiveSocket tab)
        {
            var said = new List<(char, int)>();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var last = new HashSet<char>();
            while (last.Count < 2)
            {
                var frame = await tab.ReceiveTextAsync().WaitAsync(deadline.Token);
                foreach (Match match in SaidText().Matches(frame))
                {
                    var n = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    said.Add((match.Groups[1].Value[0], n));
                    if (n == each - 1)
                    {
                        last.Add(match.Groups[1].Value[0]);
                    }
                }
            }

            return said;
        }
    }

    [Fact]
    public async Task Who_is_here_is_the_same_list_on_both_nodes()
    {
        var ada = await OpenAsync("ada", cluster.A.Address);
        var bob = await OpenAsync("bob", cluster.B.Address);
        var cyd = await OpenAsync("cyd", cluster.Address);
        foreach (var page in new[] { ada, bob, cyd })
        {
            await Expect(page.Locator("#present li")).ToHaveCountAsync(3);
        }

        var lists = await Task.WhenAll(new[] { ada, bob, cyd }.Select(page => page.Locator("#present li").AllInnerTextsAsync()));
        Assert.Equal(lists[0], lists[1]);
        Assert.Equal(lists[0], lists[2]);

        await cyd.CloseAsync();
        await Expect(ada.Locator("#present li")).ToHaveCountAsync(2);
        await Expect(bob.Locator("#present li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task The_tabs_of_a_killed_node_resume_on_the_other_with_their_half_typed_message_and_scroll()
    {
        var pages = new List<(IPage Page, PageSockets Sockets)>();
        var received = new List<ReceivedFrames>();
        foreach (var name in new[] { "ada", "bob", "cyd", "dee" })
        {
            var sockets = new PageSockets();
            pages.Add((await OpenAsync(name, cluster.Address, page =>
            {
                sockets.Watch(page);
                received.Add(ReceivedFrames.Of(page));
            }), sockets));
        }

        // A room long enough to scroll, each tab scrolled up, a message half typed.
        var cookies = await ChatSignIn.CookiesAsync(cluster.Address, "eve");
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = cluster.Address })
        {
            for (var i = 0; i < 40; i++)
            {
                await http.PostAsJsonAsync("/rooms/lobby/messages", new { text = $"line {i}" });
            }
        }

        foreach (var (page, _) in pages)
        {
            await Expect(page.Locator("#lines li")).ToHaveCountAsync(40);
            // The newest message is at the bottom (scrollTop 0): scrolled up, away from it.
            await page.EvaluateAsync("const s = document.querySelector('.scroller'); s.scrollTop = -200; window.__scroll = s.scrollTop");
            Assert.NotEqual(0, await page.EvaluateAsync<double>("window.__scroll"));
            await page.Locator("#text").PressSequentiallyAsync("half a thou");
            await page.MarkDocumentAsync();
        }

        foreach (var frames in received)
        {
            await frames.WaitForSnapshotAsync(); // each tab holds its state as it is now
        }

        var dropped = await cluster.KillTheNodeOfSomeAsync(pages, p => p.Sockets);
        foreach (var (page, _) in dropped)
        {
            await page.WaitForLiveViewAsync();
            Assert.True(await page.IsSameDocumentAsync());
            await Expect(page.Locator("#text")).ToHaveValueAsync("half a thou");
            Assert.True(await page.EvaluateAsync<bool>("document.querySelector('.scroller').scrollTop === window.__scroll"), "the list kept its scroll");
            await Expect(page.Locator("#lines li")).ToHaveCountAsync(40);
        }

        // The state is the server's again: what was typed before the loss is what is sent.
        var (first, _) = dropped[0];
        await first.Locator("#text").PressSequentiallyAsync("ght");
        await first.ClickAsync("#send");
        foreach (var (page, _) in pages)
        {
            await Expect(page.Locator("#lines li .text").Last).ToHaveTextAsync("half a thought");
        }
    }

    [Fact]
    public async Task A_rolling_restart_of_both_nodes_loses_no_page_state()
    {
        var sockets = new PageSockets();
        ReceivedFrames received = null!;
        var page = await OpenAsync("ada", cluster.Address, p =>
        {
            sockets.Watch(p);
            received = ReceivedFrames.Of(p);
        });
        await page.Locator("#text").PressSequentiallyAsync("typed before the deploy");
        await received.WaitForSnapshotAsync();
        await page.MarkDocumentAsync();

        foreach (var node in cluster.Nodes)
        {
            await node.StopAsync();
            await page.WaitForLiveViewAsync();
            await node.StartAsync();
        }

        Assert.True(await page.IsSameDocumentAsync());
        await Expect(page.Locator("#text")).ToHaveValueAsync("typed before the deploy");
        await page.ClickAsync("#send");
        await Expect(page.Locator("#lines li .text").Last).ToHaveTextAsync("typed before the deploy");
        Assert.True(sockets.Opened >= 2, $"the tab reconnected ({sockets.Opened} sockets)");
    }

    private async Task<IPage> OpenAsync(string name, Uri address, Action<IPage>? before = null)
    {
        var browser = await chromium.Browser.NewContextAsync(new() { Locale = "en-US" });
        browser.SetDefaultTimeout(20_000);
        browsers.Add(browser);
        var page = await browser.NewPageAsync();
        before?.Invoke(page);
        var room = new Uri(address, "/rooms/lobby").ToString();
        await page.GotoAsync(room);
        await page.FillAsync("#name", name);
        await page.ClickAsync("#sign-in");
        // Not WaitForURLAsync(..., Commit): when the redirect has committed already, it waits for a load state that came.
        await Expect(page).ToHaveURLAsync(room, new() { Timeout = 15_000 });
        await page.WaitForLiveViewAsync();
        return page;
    }
}
