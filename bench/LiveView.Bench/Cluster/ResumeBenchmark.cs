using LiveView.Bench.Browser;
using LiveView.Bench.Report;
using LiveView.Deployment;
using Microsoft.Playwright;

namespace LiveView.Bench.Cluster;

/// <summary>
/// Tabs that lost their node, each from the kill (SIGKILL) to the page resumed on the other node: the client's socket
/// closed, open again (through nginx, to the node still up), and the answer to the mount that carried the page's state
/// snapshot shown. Times in ms from the kill, one sample per tab and kill.
/// </summary>
/// <param name="Tabs">Tabs open through nginx.</param>
/// <param name="Kills">Nodes killed (and started again).</param>
/// <param name="Closed">Kill to the client's <c>liveview:disconnected</c>.</param>
/// <param name="Opened">Kill to its <c>liveview:connected</c>: the socket open again, the mount with the snapshot sent.</param>
/// <param name="Resumed">Kill to the answer to that mount shown (its <c>liveview:patch</c>): the page resumed.</param>
/// <param name="FromSnapshot">Samples whose page resumed from its snapshot (a mount with it), not mounted afresh.</param>
/// <param name="StateShown">Samples whose page then showed what was typed in it, in the same document (no reload).</param>
/// <param name="Missing">Tabs that lost their socket and had not resumed 20 s after the kill.</param>
public sealed record ResumeResult(
    int Tabs, int Kills, double[] Closed, double[] Opened, double[] Resumed, int FromSnapshot, int StateShown, int Missing)
{
    public int Samples => Resumed.Length;

    /// <summary>The socket closed to the socket open again: the client's reconnect delay and the connect through nginx.</summary>
    public Percentiles Reconnect => Percentiles.Of([.. Opened.Zip(Closed, (o, c) => o - c)]);

    /// <summary>The socket open to the page resumed: the mount with the snapshot on the other node, and its answer.</summary>
    public Percentiles Mount => Percentiles.Of([.. Resumed.Zip(Opened, (r, o) => r - o)]);
}

/// <summary>Kills the Chat's nodes under Chromium tabs and times how each tab resumes.</summary>
public static class ResumeBenchmark
{
    // nginx marks a node it could not reach as down for fail_timeout (10 s by default, docs/scaling.md leaves it): the
    // next kill waits that long after the last, so that the node started again takes the tabs of the one killed.
    private static readonly TimeSpan BetweenKills = TimeSpan.FromSeconds(11);
    private static readonly TimeSpan ResumeTimeout = TimeSpan.FromSeconds(20);

    // Each document notes, on the wall clock the benchmark also reads (ms since 1970), when its socket closed, opened,
    // and when the answer to a mount (page resumed from its snapshot) or a send_page (mounted afresh) was shown.
    private const string Timeline = """
        (() => {
          const now = () => performance.timeOrigin + performance.now();
          const t = window.__timeline = { closed: [], opened: [], resumed: [], attempts: [], errors: [] };
          // Every socket the client opens (a reconnect that fails opens no page and fires no event of its own).
          window.WebSocket = class extends window.WebSocket {
            constructor(...args) {
              super(...args);
              t.attempts.push(now());
            }
          };
          document.addEventListener("liveview:error", (e) => t.errors.push(JSON.stringify(e.detail)));
          document.addEventListener("liveview:disconnected", () => t.closed.push(now()));
          document.addEventListener("liveview:connected", () => t.opened.push(now()));
          document.addEventListener("liveview:patch", (e) => {
            const action = e.detail && e.detail.action;
            if (action === "room->mount" || action === "room->send_page") t.resumed.push([now(), action === "room->mount"]);
          });
        })();
        """;

    // The first of each after the kill: [closed, opened, resumed, from the snapshot (1) or not (0)], -1 for not yet.
    private const string SinceKill = """
        (k) => {
          const t = window.__timeline;
          const first = (xs) => { const x = xs.find((v) => v > k); return x === undefined ? -1 : x; };
          const r = t.resumed.find(([v]) => v > k);
          return [first(t.closed), first(t.opened), r ? r[0] : -1, r && r[1] ? 1 : 0, t.attempts.filter((v) => v > k).length];
        }
        """;

    public static async Task<ResumeResult> RunAsync(ClusterPlan plan, string chat, RedisServer redis, TextWriter log)
    {
        log.WriteLine($"Resume: {plan.Tabs} tabs on the Chat's two nodes behind nginx, {plan.Kills} node(s) killed...");
        await using var cluster = await ExampleCluster.ChatAsync(redis.ConnectionString, chat);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserComparison.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new() { Locale = "en-US" });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(Timeline);
        var room = cluster.Url("/rooms/lobby").ToString();
        var tabs = new List<IPage>();
        for (var i = 0; i < plan.Tabs; i++)
        {
            var page = await context.NewPageAsync();
            var frames = ReceivedFrames.Of(page);
            await page.GotoAsync(room);
            if (i == 0)
            {
                await page.FillAsync("#name", "bench");
                await page.ClickAsync("#sign-in");
                await page.WaitForURLAsync(room, new() { WaitUntil = WaitUntilState.Commit });
            }

            await WaitUntilConnectedAsync(page);
            await page.EvaluateAsync("window.__sameDocument = true");
            // Something of the page's own to resume: a message half typed, which the snapshot then holds.
            await page.Locator("#text").PressSequentiallyAsync(Typed(i));
            await frames.WaitForSnapshotAsync();
            tabs.Add(page);
        }

        var closed = new List<double>();
        var opened = new List<double>();
        var resumed = new List<double>();
        int fromSnapshot = 0, shown = 0, missing = 0;
        for (var kill = 0; kill < plan.Kills; kill++)
        {
            var node = cluster.Nodes[kill % cluster.Nodes.Count];
            var killedAt = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await node.KillAsync();

            // Until every tab that lost its socket has resumed (a second at least, for the losses to show).
            double[][] seen;
            while (true)
            {
                seen = await Task.WhenAll(tabs.Select(tab => tab.EvaluateAsync<double[]>(SinceKill, killedAt)));
                var waiting = seen.Count(s => s[0] > 0 && s[2] < 0);
                if ((waiting == 0 && clock.Elapsed > TimeSpan.FromSeconds(1)) || clock.Elapsed > ResumeTimeout)
                {
                    break;
                }

                await Task.Delay(50);
            }

            for (var i = 0; i < tabs.Count; i++)
            {
                var s = seen[i];
                if (s[0] < 0)
                {
                    continue; // its socket was on the other node
                }

                if (s[2] < 0)
                {
                    missing++;
                    continue;
                }

                closed.Add(s[0] - killedAt);
                opened.Add(s[1] - killedAt);
                resumed.Add(s[2] - killedAt);
                fromSnapshot += (int)s[3];
                if (await tabs[i].EvaluateAsync<bool>("t => window.__sameDocument === true && document.querySelector('#text').value === t", Typed(i)))
                {
                    shown++;
                }
            }

            log.WriteLine($"  kill {kill + 1}: {seen.Count(s => s[0] > 0)} tab(s) lost their node; closed, open again, resumed (ms), sockets tried: " +
                          string.Join("; ", seen.Where(s => s[0] > 0).Select(s => $"{s[0] - killedAt:F0}, {(s[1] < 0 ? "-" : $"{s[1] - killedAt:F0}")}, {(s[2] < 0 ? "-" : $"{s[2] - killedAt:F0}")}, {s[4]}")));
            foreach (var tab in tabs.Where((_, i) => seen[i][0] > 0 && seen[i][2] < 0))
            {
                log.WriteLine($"    not resumed: {await tab.EvaluateAsync<string>("JSON.stringify(window.__timeline)")}");
            }

            if (seen.Any(s => s[0] > 0 && s[2] < 0))
            {
                log.WriteLine($"    nginx: {cluster.Nginx.ErrorLog}");
                foreach (var n in cluster.Nodes)
                {
                    log.WriteLine($"    node {n.Port}: {n.Output[Math.Max(0, n.Output.Length - 3000)..]}");
                }
            }

            await node.StartAsync();
            if (kill + 1 < plan.Kills)
            {
                await RejoinAsync(cluster, node, context, BetweenKills - clock.Elapsed);
            }
        }

        await context.CloseAsync();
        return new ResumeResult(plan.Tabs, plan.Kills, [.. closed], [.. opened], [.. resumed], fromSnapshot, shown, missing);
    }

    /// <summary>
    /// Brings <paramref name="node"/>, just started again, to where a node that has served a while is, before the other
    /// one is killed: its code warmed up by a tab of its own (opened on it directly, a mount and a typed message), and
    /// known to nginx as up. nginx marked it down when the tabs' reconnects found it dead; after <c>fail_timeout</c>
    /// (<paramref name="rest"/> from now at least) it lets one request try it, and counts it up again only when that
    /// request completes, which a WebSocket does not do while it is open: plain requests through nginx are what a node
    /// with users gets, and what clears it.
    /// </summary>
    private static async Task RejoinAsync(ExampleCluster cluster, AppNode node, IBrowserContext context, TimeSpan rest)
    {
        var warm = await context.NewPageAsync();
        var frames = ReceivedFrames.Of(warm);
        await warm.GotoAsync(new Uri(node.Address, "/rooms/lobby").ToString());
        await WaitUntilConnectedAsync(warm);
        await warm.Locator("#text").PressSequentiallyAsync("warming up");
        await frames.WaitForSnapshotAsync();
        await warm.CloseAsync();
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        using var http = new HttpClient { BaseAddress = cluster.Address };
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.GetAsync("/sign-in");
            response.EnsureSuccessStatusCode();
        }
    }

    private static string Typed(int tab) => $"half a thought {tab}";

    private static Task WaitUntilConnectedAsync(IPage page) =>
        page.WaitForSelectorAsync("html[data-liveview=connected]", new() { State = WaitForSelectorState.Attached });

}
