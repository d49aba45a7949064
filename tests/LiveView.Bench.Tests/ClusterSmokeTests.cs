using System.Text;
using LiveView.Bench.Cluster;
using LiveView.Bench.Report;

namespace LiveView.Bench.Tests;

/// <summary>
/// The many-node part of the benchmark (<c>./build.sh bench --cluster</c>), run with a handful of sockets, two tabs and
/// two kills: Redis, the bench server on one and two nodes, the Chat's two nodes behind nginx. Every figure must be
/// present and sane; nothing here looks at speed.
/// </summary>
public sealed class ClusterSmokeTests
{
    [Fact]
    public async Task A_cluster_smoke_run_measures_every_figure()
    {
        var plan = Plan.Smoke.Cluster!;
        var results = await ClusterRun.RunAsync(plan, BenchmarkSmokeTests.BuiltServers(), TextWriter.Null);

        Assert.Equal(plan.FanOut.Clients, results.FanOut.Select(x => x.Clients));
        foreach (var x in results.FanOut)
        {
            foreach (var fan in new[] { x.OneNode, x.OneNodeRedis, x.TwoNodes })
            {
                // Every client received every broadcast, once, whichever node it was on.
                Assert.Equal(0, fan.Lost);
                Assert.Equal(0, fan.Duplicates);
                Assert.Equal(plan.FanOut.Broadcasts, fan.Last.Length);
                Assert.All(fan.Half.Zip(fan.Last), b => Assert.InRange(b.First, 0, b.Second));
            }

            // One PUBLISH on the topic's channel per broadcast, seen by Redis's own counters and by a subscriber.
            foreach (var traffic in new[] { x.OneNodeRedisTraffic, x.TwoNodesTraffic })
            {
                Assert.Equal(plan.FanOut.Broadcasts, traffic.Broadcasts);
                Assert.Equal(traffic.Broadcasts, traffic.On(ClusterFanOut.FanChannel));
                Assert.True(traffic.Commands.GetValueOrDefault("publish") >= traffic.Broadcasts, "Redis counted fewer PUBLISH calls than broadcasts");
            }
        }

        // Each kill takes some tabs; every one of them resumes from its snapshot, its typed text shown, no reload.
        var resume = results.Resume;
        Assert.Equal(0, resume.Missing);
        Assert.InRange(resume.Samples, plan.Kills, plan.Kills * plan.Tabs);
        Assert.Equal(resume.Samples, resume.FromSnapshot);
        Assert.Equal(resume.Samples, resume.StateShown);
        Assert.All(resume.Resumed.Zip(resume.Opened, resume.Closed), s => Assert.True(0 < s.Third && s.Third <= s.Second && s.Second <= s.First));

        var md = new StringBuilder();
        ClusterSection.Render(md, results);
        ClusterSection.Targets(md, results);
        var report = md.ToString();
        foreach (var heading in new[] { ClusterSection.Heading, "### Fan-out across two nodes", "### Redis messages per broadcast", "### Resume after a node is killed" })
        {
            Assert.Contains(heading, report);
        }

        Assert.Contains(ClusterSection.TargetPrefix, report);
        Assert.DoesNotContain("NaN", report);
        Assert.DoesNotContain("∞", report);
    }
}
