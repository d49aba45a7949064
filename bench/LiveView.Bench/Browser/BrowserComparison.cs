using System.IO.Compression;
using LiveView.Bench.Report;
using LiveView.Bench.Servers;
using Microsoft.Playwright;

namespace LiveView.Bench.Browser;

/// <summary>What a person's browser sees of one framework.</summary>
/// <param name="Name">The framework.</param>
/// <param name="ClickLatency">Click to DOM update, measured in the page with a MutationObserver, in ms.</param>
/// <param name="MessageBytesSentPerClick">WebSocket message payload from the browser, per click.</param>
/// <param name="MessageBytesReceivedPerClick">WebSocket message payload to the browser, per click.</param>
/// <param name="TcpBytesSentPerClick">TCP payload the server sent per click (after any compression, with framing).</param>
/// <param name="TcpBytesReceivedPerClick">TCP payload the server received per click.</param>
/// <param name="Pages">Pages held open for the memory figure.</param>
/// <param name="MemoryPerPage">Server RSS growth per open page from half the pages to all of them, after full GCs.</param>
/// <param name="HeapPerPage">Server managed heap growth per open page, likewise.</param>
/// <param name="ScriptBytes">JavaScript the page downloads, uncompressed.</param>
/// <param name="ScriptBytesGzip">The same, gzip-compressed (level: smallest).</param>
public sealed record BrowserResult(
    string Name, Percentiles ClickLatency,
    double MessageBytesSentPerClick, double MessageBytesReceivedPerClick,
    double TcpBytesSentPerClick, double TcpBytesReceivedPerClick,
    int Pages, double MemoryPerPage, double HeapPerPage, long ScriptBytes, long ScriptBytesGzip);

/// <summary>Drives a framework's counter page in headless Chromium.</summary>
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

    public async Task<BrowserResult> MeasureAsync(ServerProcess server, BrowserTarget target, int clicks, int pages)
    {
        var (latency, sent, received, tcp) = await MeasureClicksAsync(server, target, clicks);
        var (scripts, gzipped) = await MeasureScriptsAsync(server, target);
        var memory = await MeasureMemoryAsync(server, target, pages);
        return new BrowserResult(
            target.Name, latency, sent, received, (double)tcp.Sent / clicks, (double)tcp.Received / clicks,
            pages, memory.Rss, memory.ManagedHeap, scripts, gzipped);
    }

    private async Task<IPage> OpenAsync(IBrowserContext context, ServerProcess server, BrowserTarget target, Action<IPage>? before = null)
    {
        var page = await context.NewPageAsync();
        before?.Invoke(page);
        await page.GotoAsync(new Uri(server.Http, target.Path).ToString());
        await page.WaitForSelectorAsync(target.ReadySelector, new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return page;
    }

    private async Task<(Percentiles, double, double, TcpCounters)> MeasureClicksAsync(ServerProcess server, BrowserTarget target, int clicks)
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
        return (Percentiles.Of(latencies), (double)sent / clicks, (double)received / clicks, after - before);
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
    /// How much the server's memory grows per page from <paramref name="pages"/>/2 open pages to <paramref name="pages"/>:
    /// the slope, not the growth from none, so that what the first pages cost once (pools, buffers, the GC's budgets) is
    /// not counted as every page's.
    /// </summary>
    private async Task<(double Rss, double ManagedHeap)> MeasureMemoryAsync(ServerProcess server, BrowserTarget target, int pages)
    {
        await using var context = await browser.NewContextAsync();
        var open = new List<IPage>();
        var half = pages / 2;
        MemoryReading? baseline = null;
        for (var i = 0; i < pages; i++)
        {
            if (i == half)
            {
                baseline = await server.ReadMemoryAsync();
            }

            var page = await OpenAsync(context, server, target);
            // One click each, answered before the next page opens, so that every page's server-side state exists, as
            // it would for a user.
            var shown = await page.InnerTextAsync(target.Output);
            await page.ClickAsync(target.Button);
            await page.WaitForFunctionAsync(
                "([selector, before]) => document.querySelector(selector)?.textContent !== before",
                new object[] { target.Output, shown },
                new() { Timeout = 30_000 });
            open.Add(page);
        }

        var loaded = await server.ReadMemoryAsync();
        var measured = pages - half;
        var before = baseline ?? throw new InvalidOperationException("Measuring memory needs at least two pages.");
        return ((double)(loaded.Rss - before.Rss) / measured, (double)(loaded.ManagedHeap - before.ManagedHeap) / measured);
    }
}
