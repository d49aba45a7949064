using System.Text;
using LiveView.Bench.Browser;
using static LiveView.Bench.Report.Units;

namespace LiveView.Bench.Report;

/// <summary>The browser part of docs/benchmarks.md: the counter page and the 300-row table in each framework, and their targets.</summary>
public static class BrowserSection
{
    public static void Render(StringBuilder md, Plan plan, BrowserResults r)
    {
        void Line(string text = "") => md.Append(text).Append('\n');
        var (lv, bz) = (r.LiveView, r.Blazor);

        Line("## In the browser: LiveView against Blazor Server");
        Line();
        Line("The same counter page in each framework (LiveView: the QuickStart's F# counter; Blazor: an interactive-server");
        Line($"page with a counter and a random-number button), driven by headless Chromium. {plan.Clicks} clicks on the");
        Line("increment button, each timed in the page from `click()` to the DOM change (a MutationObserver). Bytes per click");
        Line("are WebSocket message payloads as the browser sees them (Blazor's after permessage-deflate decompression), and");
        Line("the TCP payload the server's sockets sent and received (after compression, with framing). Each framework runs on");
        Line("a server of its own, started for this part, so that what ran before (10,000 sockets, the fan-out) weighs on");
        Line("neither's memory. Memory per page: the server's resident anonymous memory (RssAnon: its GC heap, native");
        Line("allocations and thread stacks, not the pages of the assemblies it maps, which come in as code first runs) and its");
        Line($"managed heap, read after full GCs at {BrowserComparison.MemoryReadings} evenly spaced numbers of open pages from {plan.Pages / 2} to {plan.Pages} (each page");
        Line("clicked once and its answer shown); the figure is the least-squares slope through those readings: the slope, so");
        Line("that what the first pages cost once (pools, buffers, the GC's budgets) is not counted per page, and through");
        Line("several readings, so that no one of them (a thread started, a buffer kept) sets it.");
        Line("JavaScript: every script the page loads, uncompressed and gzip-compressed.");
        Line();
        Line("| | click p50 ms | click p99 ms | sent B/click | received B/click | TCP sent B/click | TCP received B/click | anon RSS per page | heap per page | JS | JS gzip |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var x in new[] { lv, bz })
        {
            Line($"| {x.Name} | {Clicks(x.Clicks)} | {Kb(x.MemoryPerPage)} | {Kb(x.HeapPerPage)} | {Kb(x.ScriptBytes)} | {Kb(x.ScriptBytesGzip)} |");
        }

        Line($"| **LiveView / Blazor** | {ClickRatios(lv.Clicks, bz.Clicks)} | **{Ratio(lv.MemoryPerPage, bz.MemoryPerPage)}** | **{Ratio(lv.HeapPerPage, bz.HeapPerPage)}** | " +
             $"**{Ratio(lv.ScriptBytes, bz.ScriptBytes)}** | {Ratio(lv.ScriptBytesGzip, bz.ScriptBytesGzip)} |");
        Line();

        Line("### 300-row table, one row renamed per click");
        Line();
        Line("The same page in each framework: a table of 300 rows (`<tr id=\"row-N\"><td>N</td><td id=\"name-N\">name N</td></tr>`)");
        Line("under a button that renames the next row on each click (row k becomes `renamed {clicks}`, cycling through the");
        Line("rows), so that each click changes exactly one cell. LiveView's page is view-driven: its handler returns only the");
        Line("new state, and the runtime renders the view, diffs it against the last render and sends the one change. Its rows");
        Line("are a list (`Each`), so only the renamed row is rendered again; the second LiveView row is the same page with");
        Line("every row rendered again on every click. Blazor's is an interactive-server page whose `@for`");
        Line($"loop renders the rows, diffed by its renderer. {plan.Clicks} clicks, each timed from `click()` to the DOM change in");
        Line("the table (a MutationObserver on the table, its subtree and its text); bytes per click as above.");
        Line();
        Line("| | click p50 ms | click p99 ms | sent B/click | received B/click | TCP sent B/click | TCP received B/click |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var x in new[] { r.TableLiveView, r.TablePlain, r.TableBlazor })
        {
            Line($"| {x.Name} | {Clicks(x)} |");
        }

        Line($"| **LiveView / Blazor** | {ClickRatios(r.TableLiveView, r.TableBlazor)} |");
        Line();
    }

    /// <summary>The target rows: click latency on both pages, memory per page and JavaScript against Blazor's.</summary>
    public static void Targets(StringBuilder md, BrowserResults r)
    {
        var (l, b) = (r.LiveView, r.Blazor);
        ClickTarget(md, "lower click-to-DOM latency than Blazor Server (p50)", l.Clicks, b.Clicks);
        ClickTarget(md, "lower click-to-DOM latency than Blazor Server on the 300-row table (p50)", r.TableLiveView, r.TableBlazor);
        MarkdownReport.Target(md, "server memory per page ≤ 1/10 of Blazor Server's (anonymous RSS)", $"{Kb(l.MemoryPerPage)} vs {Kb(b.MemoryPerPage)}", l.MemoryPerPage * 10 <= b.MemoryPerPage);
        MarkdownReport.Target(md, "server memory per page ≤ 1/10 of Blazor Server's (managed heap)", $"{Kb(l.HeapPerPage)} vs {Kb(b.HeapPerPage)}", l.HeapPerPage * 10 <= b.HeapPerPage);
        MarkdownReport.Target(md, "less JavaScript downloaded than Blazor Server",
            $"{Kb(l.ScriptBytes)} vs {Kb(b.ScriptBytes)} ({Kb(l.ScriptBytesGzip)} vs {Kb(b.ScriptBytesGzip)} gzipped)", l.ScriptBytes < b.ScriptBytes);
    }

    private static void ClickTarget(StringBuilder md, string target, ClickResult l, ClickResult b) =>
        MarkdownReport.Target(md, target, $"{F(l.ClickLatency.P50)} ms vs {F(b.ClickLatency.P50)} ms", l.ClickLatency.P50 < b.ClickLatency.P50);

    /// <summary>The click columns of a row: p50, p99, then message and TCP bytes each way.</summary>
    private static string Clicks(ClickResult x) =>
        $"{F(x.ClickLatency.P50)} | {F(x.ClickLatency.P99)} | {x.MessageBytesSentPerClick:F0} | {x.MessageBytesReceivedPerClick:F0} | " +
        $"{x.TcpBytesSentPerClick:F0} | {x.TcpBytesReceivedPerClick:F0}";

    /// <summary>The click columns of a ratio row, the p50 in bold.</summary>
    private static string ClickRatios(ClickResult a, ClickResult b) =>
        $"**{Ratio(a.ClickLatency.P50, b.ClickLatency.P50)}** | {Ratio(a.ClickLatency.P99, b.ClickLatency.P99)} | " +
        $"{Ratio(a.MessageBytesSentPerClick, b.MessageBytesSentPerClick)} | {Ratio(a.MessageBytesReceivedPerClick, b.MessageBytesReceivedPerClick)} | " +
        $"{Ratio(a.TcpBytesSentPerClick, b.TcpBytesSentPerClick)} | {Ratio(a.TcpBytesReceivedPerClick, b.TcpBytesReceivedPerClick)}";
}
