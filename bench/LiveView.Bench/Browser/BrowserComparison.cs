using System.IO.Compression;
using LiveView.Bench.Report;
using LiveView.Bench.Servers;
using Microsoft.Playwright;

namespace LiveView.Bench.Browser;

/// <summary>What a person's browser sees of one framework's page when a button is clicked again and again.</summary>
/// <param name="Name">The framework (and the page's variant, where there are several).</param>
/// <param name="ClickLatency">Click to DOM update, measured in the page with a MutationObserver, in ms.</param>
/// <param name="MessageBytesSentPerClick">WebSocket message payload from the browser, per click.</param>
/// <param name="MessageBytesReceivedPerClick">WebSocket message payload to the browser, per click.</param>
/// <param name="TcpBytesSentPerClick">TCP payload the server sent per click (after any compression, with framing).</param>
/// <param name="TcpBytesReceivedPerClick">TCP payload the server received per click.</param>
public sealed record ClickResult(
    string Name, Percentiles ClickLatency,
    double MessageBytesSentPerClick, double MessageBytesReceivedPerClick,
    double TcpBytesSentPerClick, double TcpBytesReceivedPerClick);

/// <summary>What a person's browser sees of one framework's counter page, and what its pages cost the server.</summary>
/// <param name="Clicks">The counter's clicks.</param>
/// <param name="Pages">Pages held open for the memory figure.</param>
/// <param name="MemoryPerPage">
/// Server anonymous RSS growth per open page from half the pages to all of them, after full GCs (a slope through several
/// readings).
/// </param>
/// <param name="HeapPerPage">Server managed heap growth per open page, likewise.</param>
/// <param name="ScriptBytes">JavaScript the page downloads, uncompressed.</param>
/// <param name="ScriptBytesGzip">The same, gzip-compressed (level: smallest).</param>
public sealed record BrowserResult(ClickResult Clicks, int Pages, double MemoryPerPage, double HeapPerPage, long ScriptBytes, long ScriptBytesGzip)
{
    public string Name => Clicks.Name;
}

/// <summary>
/// The browser part of a run: the counter page in each framework (clicks, memory, JavaScript), and the 300-row table's
/// clicks in each (LiveView's twice: its rows kept between renders, and every row rendered again).
/// </summary>
public sealed record BrowserResults(BrowserResult LiveView, BrowserResult Blazor, ClickResult TableLiveView, ClickResult TablePlain, ClickResult TableBlazor);

/// <summary>Drives a framework's pages in headless Chromium.</summary>
public sealed class BrowserComparison(IBrowser browser)
{
    private const string ClickLoop = """
        async ([button, output, clicks]) => {
          const target = document.querySelector(output);
          const latencies = [];
          for (let i = 0; i < clicks; i++) {
            const changed = new Promise(resolve => {
              const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
              observer.observe(target, { childList: true, subtree: true, characterData: true });
            });
            const start = performance.now();
            document.querySelector(button).click();
            latencies.push((await changed) - start);
          }
          return latencies;
        }
        """;

    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        var executable = Environment.GetEnvironmentVariable("LIVEVIEW_CHROMIUM") ?? "/usr/bin/chromium";
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// Starts a LiveView bench server and a Blazor peer of its own (both fresh, so that what ran before in this run
    /// weighs on neither's memory), and measures each framework's counter page and table.
    /// </summary>
    public static async Task<BrowserResults> RunAsync(Plan plan, ServerBinaries servers, TextWriter log)
    {
        log.WriteLine($"Browser: {plan.Clicks} clicks and {plan.Pages} open pages against LiveView and Blazor Server...");
        await using var liveView = await ServerProcess.StartAsync(servers.LiveView, servers.Environment);
        await using var blazor = await ServerProcess.StartAsync(servers.Blazor, servers.Environment);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var comparison = new BrowserComparison(browser);
        var lv = await comparison.MeasureAsync(liveView, BrowserTarget.LiveView, plan.Clicks, plan.Pages);
        var bz = await comparison.MeasureAsync(blazor, BrowserTarget.Blazor, plan.Clicks, plan.Pages);
        log.WriteLine($"  counter click p50: LiveView {lv.Clicks.ClickLatency.P50:F2} ms, Blazor {bz.Clicks.ClickLatency.P50:F2} ms; " +
                      $"anonymous RSS per page: LiveView {lv.MemoryPerPage / 1024:F1} KB, Blazor {bz.MemoryPerPage / 1024:F1} KB");
        var table = await comparison.MeasureClicksAsync(liveView, BrowserTarget.LiveView.Table(), plan.Clicks);
        var plain = await comparison.MeasureClicksAsync(liveView, BrowserTarget.LiveView.Table("/table-plain", "LiveView, every row rendered"), plan.Clicks);
        var tableBlazor = await comparison.MeasureClicksAsync(blazor, BrowserTarget.Blazor.Table(), plan.Clicks);
        log.WriteLine($"  300-row table click p50: LiveView {table.ClickLatency.P50:F2} ms ({plain.ClickLatency.P50:F2} ms every row rendered), " +
                      $"Blazor {tableBlazor.ClickLatency.P50:F2} ms");
        return new BrowserResults(lv, bz, table, plain, tableBlazor);
    }

    /// <summary>The counter page: its clicks, the JavaScript it loads, and the server's memory per open page.</summary>
    public async Task<BrowserResult> MeasureAsync(ServerProcess server, BrowserTarget target, int clicks, int pages)
    {
        var measured = await MeasureClicksAsync(server, target, clicks);
        var (scripts, gzipped) = await MeasureScriptsAsync(server, target);
        var memory = await MeasureMemoryAsync(server, target, pages);
        return new BrowserResult(measured, pages, memory.Anonymous, memory.ManagedHeap, scripts, gzipped);
    }

    private async Task<IPage> OpenAsync(IBrowserContext context, ServerProcess server, BrowserTarget target, Action<IPage>? before = null)
    {
        var page = await context.NewPageAsync();
        before?.Invoke(page);
        await page.GotoAsync(new Uri(server.Http, target.Path).ToString());
        await page.WaitForSelectorAsync(target.ReadySelector, new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return page;
    }

    /// <summary>
    /// Clicks <paramref name="target"/>'s button <paramref name="clicks"/> times in one page, each click timed from
    /// <c>click()</c> to the change of its output, after up to 300 untimed clicks; and the bytes both ways per click.
    /// </summary>
    public async Task<ClickResult> MeasureClicksAsync(ServerProcess server, BrowserTarget target, int clicks)
    {
        await using var context = await browser.NewContextAsync();
        long sent = 0, received = 0;
        var counting = false;
        var page = await OpenAsync(context, server, target, p => p.WebSocket += (_, socket) =>
        {
            socket.FrameSent += (_, frame) => { if (counting) { sent += FrameBytes(frame); } };
            socket.FrameReceived += (_, frame) => { if (counting) { received += FrameBytes(frame); } };
        });

        // Warm up both ends before measuring: enough clicks for the servers' tiered JIT to promote the hot path,
        // and a pause for the background compilation to finish.
        await page.EvaluateAsync<double[]>(ClickLoop, new object[] { target.Button, target.Output, Math.Min(300, clicks * 2) });
        await Task.Delay(1000);

        counting = true;
        var before = server.Tcp();
        var latencies = await page.EvaluateAsync<double[]>(ClickLoop, new object[] { target.Button, target.Output, clicks });
        await Task.Delay(300); // let the last frames' events arrive
        var after = server.Tcp();
        counting = false;
        var tcp = after - before;
        return new ClickResult(target.Name, Percentiles.Of(latencies), (double)sent / clicks, (double)received / clicks,
            (double)tcp.Sent / clicks, (double)tcp.Received / clicks);
    }

    private static long FrameBytes(IWebSocketFrame frame) =>
        frame.Binary is { } binary ? binary.Length : System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? "");

    private async Task<(long Raw, long Gzip)> MeasureScriptsAsync(ServerProcess server, BrowserTarget target)
    {
        await using var context = await browser.NewContextAsync();
        var scripts = new List<IResponse>();
        var page = await OpenAsync(context, server, target, p => p.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "script")
            {
                scripts.Add(response);
            }
        });

        long raw = 0, gzip = 0;
        foreach (var response in scripts)
        {
            var body = await response.BodyAsync();
            raw += body.Length;
            using var compressed = new MemoryStream();
            using (var zip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zip.Write(body);
            }

            gzip += compressed.Length;
        }

        await page.CloseAsync();
        return (raw, gzip);
    }

    /// <summary>
    /// How much the server's memory grows per open page from <paramref name="pages"/>/2 pages to <paramref name="pages"/>:
    /// the least-squares slope through <see cref="MemoryReadings"/> readings at evenly spaced numbers of open pages, each
    /// after full GCs. The slope, not the growth from none, so that what the first pages cost once (pools, buffers, the
    /// GC's budgets) is not counted as every page's; through several readings, so that no one of them (a thread the pool
    /// started, a block a buffer kept) sets the figure.
    /// </summary>
    private async Task<(double Anonymous, double ManagedHeap)> MeasureMemoryAsync(ServerProcess server, BrowserTarget target, int pages)
    {
        await using var context = await browser.NewContextAsync();
        var open = new List<IPage>();
        var readings = new List<(int Pages, MemoryReading Memory)>();
        var half = pages / 2;
        foreach (var count in Enumerable.Range(0, MemoryReadings).Select(k => half + (k * (pages - half) / (MemoryReadings - 1))).Distinct())
        {
            while (open.Count < count)
            {
                open.Add(await OpenClickedAsync(context, server, target));
            }

            readings.Add((count, await server.ReadMemoryAsync()));
        }

        if (readings.Count < 2)
        {
            throw new InvalidOperationException("Measuring memory needs at least two pages.");
        }

        return (Slope(readings, m => m.Anonymous), Slope(readings, m => m.ManagedHeap));
    }

    /// <summary>How many times the memory figure reads the server's memory, from half the pages to all.</summary>
    public const int MemoryReadings = 6;

    /// <summary>
    /// Opens one more page and clicks it once, the answer shown before this returns, so that every page's server-side
    /// state exists, as it would for a user.
    /// </summary>
    private async Task<IPage> OpenClickedAsync(IBrowserContext context, ServerProcess server, BrowserTarget target)
    {
        var page = await OpenAsync(context, server, target);
        var shown = await page.InnerTextAsync(target.Output);
        await page.ClickAsync(target.Button);
        await page.WaitForFunctionAsync(
            "([selector, before]) => document.querySelector(selector)?.textContent !== before",
            new object[] { target.Output, shown },
            new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>The least-squares slope of one of the readings' figures against the number of open pages: bytes per page.</summary>
    private static double Slope(IReadOnlyList<(int Pages, MemoryReading Memory)> readings, Func<MemoryReading, long> figure)
    {
        var meanX = readings.Average(r => (double)r.Pages);
        var meanY = readings.Average(r => (double)figure(r.Memory));
        var covariance = readings.Sum(r => (r.Pages - meanX) * (figure(r.Memory) - meanY));
        var variance = readings.Sum(r => (r.Pages - meanX) * (r.Pages - meanX));
        return covariance / variance;
    }
}
