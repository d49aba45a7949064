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
    internal static ServerBinaries BuiltServers()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory); // tests/LiveView.Bench.Tests/bin/<config>/<tfm>/
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        string Dll(string folder, string project) => Path.Combine(root, folder, project, "bin", configuration, tfm, project + ".dll");
        return new ServerBinaries(
            Dll("bench", "EchoServer"), Dll("bench", "LiveView.BenchServer"), Dll("bench", "BlazorPeer"), Dll("bench", "SignalRPeer"),
            Dll("examples", "Chat"), "Development");
    }

    [Fact]
    public async Task A_smoke_run_measures_every_figure()
    {
        // The many nodes on Redis have a smoke run of their own (ClusterSmokeTests).
        var plan = Plan.Smoke with { Cluster = null };
        var results = await BenchmarkRun.RunAsync(plan, BuiltServers(), TextWriter.Null);

        Assert.Equal(plan.Connections.Length, results.Load.Count);
        foreach (var pair in results.Load)
        {
            foreach (var run in new[] { pair.LiveView, pair.Echo })
            {
                Assert.True(run.Replies > 0, "no replies");
                Assert.Equal(run.Requests, run.Replies);
                Assert.Equal(BenchmarkRun.RandomNumberRequest.Length, run.RequestBytes);
                // A view change is 60 bytes; a draw of the number shown already changes nothing: a 32-byte answer.
                Assert.InRange(run.ReplyBytes, 30, 70);
                Assert.True(run.EventsPerSecond > 0);
                Assert.True(run.Latency.P50 > 0);
                Assert.True(run.Latency.P50 <= run.Latency.P90 && run.Latency.P90 <= run.Latency.P99 && run.Latency.P99 <= run.Latency.Max);
                Assert.InRange(run.ServerSentPerEvent, run.ReplyBytes, run.ReplyBytes + 20);
                Assert.InRange(run.ServerReceivedPerEvent, run.RequestBytes, run.RequestBytes + 20);
                Assert.True(run.Server.CpuSeconds > 0, "no server CPU time read");
                Assert.True(run.ServerRssAfter > 0, "no server RSS read");
            }
        }

        foreach (var idle in new[] { results.IdleLiveView, results.IdlePresent, results.IdleEcho })
        {
            Assert.Equal(plan.IdleConnections, idle.Connections);
            Assert.Equal(idle.Connections, idle.StillOpen);
            Assert.True(idle.Baseline.Rss > 0 && idle.Loaded.Rss > 0);
            Assert.True(idle.Baseline.ManagedHeap > 0 && idle.Loaded.ManagedHeap > 0);
        }

        // Every page of the presence variant was tracked while the memory was read.
        Assert.Equal(plan.IdleConnections, results.IdlePresent.Present);

        Assert.Equal(plan.FanOut.Clients, results.FanOut.Select(p => p.LiveView.Clients));
        foreach (var pair in results.FanOut)
        {
            foreach (var (fan, server) in new[] { (pair.LiveView, "LiveView"), (pair.SignalR, "SignalR") })
            {
                Assert.Equal(server, fan.Server);
                Assert.Equal(pair.LiveView.Clients, fan.Clients);
                // Every client received every broadcast, once: a broadcast that missed one would be lost.
                Assert.Equal(0, fan.Lost);
                Assert.Equal(0, fan.Duplicates);
                Assert.Equal(plan.FanOut.Broadcasts, fan.Last.Length);
                Assert.All(fan.Last, ms => Assert.True(ms > 0));
                Assert.All(fan.Half.Zip(fan.Last), b => Assert.InRange(b.First, 0, b.Second));
                Assert.True(fan.FrameBytes > 0, "no broadcast frame seen");
            }
        }

        var browserResults = results.Browser!;
        foreach (var browser in new[] { browserResults.LiveView, browserResults.Blazor })
        {
            Assert.True(browser.ScriptBytes > 0 && browser.ScriptBytesGzip > 0 && browser.ScriptBytesGzip < browser.ScriptBytes);
            Assert.Equal(plan.Pages, browser.Pages);
            Assert.False(double.IsNaN(browser.MemoryPerPage) || double.IsNaN(browser.HeapPerPage));
        }

        // The counter's clicks and the 300-row table's, in each framework.
        foreach (var clicks in new[] { browserResults.LiveView.Clicks, browserResults.Blazor.Clicks, browserResults.TableLiveView, browserResults.TablePlain, browserResults.TableBlazor })
        {
            Assert.Equal(plan.Clicks, clicks.ClickLatency.Count);
            Assert.True(clicks.ClickLatency.P50 > 0);
            Assert.True(clicks.MessageBytesSentPerClick > 0 && clicks.MessageBytesReceivedPerClick > 0);
            Assert.True(clicks.TcpBytesSentPerClick > 0 && clicks.TcpBytesReceivedPerClick > 0);
        }

        var report = MarkdownReport.Render(results);
        foreach (var section in new[] { "## Machine", "## Round trip", "## Idle memory", "## Fan-out", "## In the browser", "### 300-row table", "## Targets" })
        {
            Assert.Contains(section, report);
        }

        Assert.DoesNotContain("NaN", report);
        Assert.DoesNotContain("∞", report);
    }
}
