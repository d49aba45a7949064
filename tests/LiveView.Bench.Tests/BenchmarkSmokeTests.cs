using LiveView.Bench.Report;
using LiveView.Bench.Servers;

namespace LiveView.Bench.Tests;

/// <summary>
/// The benchmark itself, run for a second or two with a handful of sockets and pages: every figure must be present
/// and sane. Nothing here looks at speed; speed lives in docs/benchmarks.md.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    /// <summary>The servers' build outputs, next to this test's (same configuration), run in Development.</summary>
    private static ServerBinaries BuiltServers()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory); // tests/LiveView.Bench.Tests/bin/<config>/<tfm>/
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        string Dll(string project) => Path.Combine(root, "bench", project, "bin", configuration, tfm, project + ".dll");
        return new ServerBinaries(Dll("EchoServer"), Dll("LiveView.BenchServer"), Dll("BlazorPeer"), "Development");
    }

    [Fact]
    public async Task A_smoke_run_measures_every_figure()
    {
        var plan = Plan.Smoke;
        var results = await BenchmarkRun.RunAsync(plan, BuiltServers(), TextWriter.Null);

        Assert.Equal(plan.Connections.Length, results.Load.Count);
        foreach (var pair in results.Load)
        {
            foreach (var run in new[] { pair.LiveView, pair.Echo })
            {
                Assert.True(run.Replies > 0, "no replies");
                Assert.Equal(run.Requests, run.Replies);
                Assert.Equal(BenchmarkRun.RandomNumberRequest.Length, run.RequestBytes);
                Assert.InRange(run.ReplyBytes, 70, 90);
                Assert.True(run.EventsPerSecond > 0);
                Assert.True(run.Latency.P50 > 0);
                Assert.True(run.Latency.P50 <= run.Latency.P90 && run.Latency.P90 <= run.Latency.P99 && run.Latency.P99 <= run.Latency.Max);
                Assert.InRange(run.ServerSentPerEvent, run.ReplyBytes, run.ReplyBytes + 20);
                Assert.InRange(run.ServerReceivedPerEvent, run.RequestBytes, run.RequestBytes + 20);
                Assert.True(run.Server.CpuSeconds > 0, "no server CPU time read");
                Assert.True(run.ServerRssAfter > 0, "no server RSS read");
            }
        }

        foreach (var idle in new[] { results.IdleLiveView, results.IdleEcho })
        {
            Assert.Equal(plan.IdleConnections, idle.Connections);
            Assert.Equal(idle.Connections, idle.StillOpen);
            Assert.True(idle.Baseline.Rss > 0 && idle.Loaded.Rss > 0);
            Assert.True(idle.Baseline.ManagedHeap > 0 && idle.Loaded.ManagedHeap > 0);
        }

        foreach (var browser in new[] { results.BrowserLiveView!, results.BrowserBlazor! })
        {
            Assert.Equal(plan.Clicks, browser.ClickLatency.Count);
            Assert.True(browser.ClickLatency.P50 > 0);
            Assert.True(browser.MessageBytesSentPerClick > 0 && browser.MessageBytesReceivedPerClick > 0);
            Assert.True(browser.TcpBytesSentPerClick > 0 && browser.TcpBytesReceivedPerClick > 0);
            Assert.True(browser.ScriptBytes > 0 && browser.ScriptBytesGzip > 0 && browser.ScriptBytesGzip < browser.ScriptBytes);
            Assert.Equal(plan.Pages, browser.Pages);
            Assert.False(double.IsNaN(browser.MemoryPerPage) || double.IsNaN(browser.HeapPerPage));
        }

        var report = MarkdownReport.Render(results);
        foreach (var section in new[] { "## Machine", "## Round trip", "## Idle memory", "## In the browser", "## Targets" })
        {
            Assert.Contains(section, report);
        }

        Assert.DoesNotContain("NaN", report);
        Assert.DoesNotContain("∞", report);
    }
}
