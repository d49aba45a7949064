using System.Globalization;
using System.Text;
using LiveView.Bench.Cluster;
using LiveView.Bench.FanOut;
using static LiveView.Bench.Report.Units;

namespace LiveView.Bench.Report;

/// <summary>The many-node part of docs/benchmarks.md: the fan-out on one and two nodes, Redis's traffic, the resume.</summary>
public static class ClusterSection
{
    /// <summary>The section's heading: <c>./build.sh bench --cluster</c> replaces the section it starts.</summary>
    public const string Heading = "## Many nodes on Redis";

    /// <summary>How the section's targets start.</summary>
    private const string TargetText = "fan-out to two nodes through Redis";

    /// <summary>How the section's rows of the targets' table start: <c>./build.sh bench --cluster</c> replaces them.</summary>
    public const string TargetPrefix = "| " + TargetText;

    public static void Render(StringBuilder md, ClusterResults r)
    {
        void Line(string text = "") => md.Append(text).Append('\n');
        var plan = r.Plan.FanOut;

        Line($"{Heading} (`./build.sh bench --cluster`)");
        Line();
        Line($"Measured on {r.Machine.Cpu}, {r.Machine.Cores} cores, {r.Machine.Os}, {r.Machine.Runtime}, on {r.Started:yyyy-MM-dd HH:mm} UTC " +
             $"({r.Plan.Name} run, {r.Elapsed.TotalSeconds:F0} s). " +
             "Redis, every node, nginx, the clients and Chromium share those cores: a real deployment gives each its own " +
             "machine, so these times are upper bounds, and what the second node adds here (its CPU) comes out of the same cores.");
        Line(r.Machine.LoadNote(r.LoadAverages, "it", "the times"));

        Line();
        Line("### Fan-out across two nodes through Redis");
        Line();
        Line("The fan-out above (N raw WebSockets mount the bench server's `fan` page; a POST calls");
        Line("`ILiveHub.SendAsync(Audience.Topic(\"fan\"), new Fan(stamp))`; the time from just before the POST until the last");
        Line("socket, and half of them, had the stamp), in three set-ups on one real `redis-server` started for the run (Debian's,");
        Line("on loopback, without persistence): **one node**, the bench server alone and in memory (the default); **one node,");
        Line("Redis**, the same with `AddLiveView().AddRedis(...)`, which publishes every broadcast to Redis where no other node");
        Line("listens; **two nodes, Redis**, two bench-server processes on Redis with N/2 sockets on each, the POST sent to the");
        Line("first: its pages get the broadcast in memory, the second node's get it from Redis (the node's one subscription to");
        Line($"the topic's channel). {plan.Broadcasts} broadcasts per set-up and N, in {plan.Rounds} round(s) in which the three take turns;");
        Line($"each round opens its N sockets afresh and sends {plan.Warmups} untimed warm-up broadcasts that every socket must receive; 100 ms");
        Line("pass between broadcasts; under 100 broadcasts the p99 is the slowest. On Redis, the timed broadcasts start once");
        Line("Redis has counted no new `SUBSCRIBE` for half a second: every socket has a channel of its own (below), which its");
        Line("node subscribes as it connects, one at a time, and for 10,000 sockets that takes seconds that are not the");
        Line("broadcast's. CPU per broadcast: the nodes' together, and Redis's, read from /proc (10 ms ticks), the pauses included.");
        Line();
        Line("| clients | set-up | last client p50 ms | last client p99 ms | half the clients p50 ms | broadcasts | lost | nodes' CPU ms/broadcast | Redis CPU ms/broadcast |");
        Line("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var x in r.FanOut)
        {
            Row(md, x.OneNode, null);
            Row(md, x.OneNodeRedis, x.OneNodeRedisTraffic);
            Row(md, x.TwoNodes, x.TwoNodesTraffic);
            RatioRow(md, "**two nodes / one node**", x.TwoNodes, x.OneNode, bold: true);
            RatioRow(md, "two nodes / one node, Redis", x.TwoNodes, x.OneNodeRedis, bold: false);
        }

        Line();
        Line("Every client received every broadcast exactly once, in every set-up: " +
             (r.FanOut.All(x => Complete(x.OneNode) && Complete(x.OneNodeRedis) && Complete(x.TwoNodes)) ? "**yes**." : "**no** (see the lost column)."));
        var verdicts = r.FanOut.Select(x =>
        {
            var (two, one) = (x.TwoNodes.LastLatency, x.OneNode.LastLatency);
            var met = Complete(x.TwoNodes) && two.P50 <= 2 * one.P50 && two.P99 <= 2 * one.P99;
            return $"{(met ? "met" : "**not met**")} at {x.Clients:N0} pages (p50 {Ratio(two.P50, one.P50)}, p99 {Ratio(two.P99, one.P99)})";
        });
        Line($"Against the target, two nodes' time to the last client at most twice one node's (without Redis): {string.Join("; ", verdicts)}.");
        Line();

        Line("### Redis messages per broadcast");
        Line();
        Line("Over the same timed broadcasts: the calls of each command Redis ran (`INFO commandstats` before and after, the");
        Line("benchmark's own `INFO` left out) and the messages published on each channel (counted by a subscriber to every");
        Line($"channel, `PSUBSCRIBE *`). `{ClusterFanOut.FanChannel}` is the broadcast's topic; the others are background, given per second.");
        Line();
        Line("| clients | set-up | broadcasts | seconds | Redis commands (calls) | messages on the topic's channel | per broadcast | other channels (messages per second) |");
        Line("| ---: | --- | ---: | ---: | --- | ---: | ---: | --- |");
        foreach (var x in r.FanOut)
        {
            TrafficRow(md, x.Clients, ClusterFanOut.OneNodeRedisName, x.OneNodeRedisTraffic);
            TrafficRow(md, x.Clients, ClusterFanOut.TwoNodesName, x.TwoNodesTraffic);
        }

        Line();
        var perBroadcast = r.FanOut.Select(x => x.TwoNodesTraffic.PerBroadcast(x.TwoNodesTraffic.On(ClusterFanOut.FanChannel))).ToList();
        Line($"One broadcast is **{string.Join(" / ", perBroadcast.Select(p => p.ToString("0.##", CultureInfo.InvariantCulture)).Distinct())} PUBLISH** on its topic's channel, " +
             "whatever the number of clients and of nodes: the node that sends it hands it to its own pages in memory and");
        Line("publishes it once, fire and forget, on the audience's channel (`RedisPubSub.PublishAsync`); every other node");
        Line("subscribed to that channel (one subscription per node, held while it has a page in the audience) gets it once");
        Line("and fans it out to its own pages in memory. Redis carries one message in and one out per other node, never one per");
        Line("client. The other `PUBLISH` calls in the window are the presence heartbeats on `liveview:presence` (each node says");
        Line("it is alive every `HeartbeatInterval`, 1 s), which do not depend on the broadcasts: `PUBLISH` calls and messages seen");
        var all = r.FanOut.SelectMany(x => new[] { x.OneNodeRedisTraffic, x.TwoNodesTraffic }).ToList();
        var matched = all.Count(t => t.Commands.GetValueOrDefault("publish") == t.Channels.Values.Sum());
        Line($"on all channels are equal in {matched} of {all.Count} rows. `SUBSCRIBE` and `UNSUBSCRIBE`, where there are any, are not");
        Line("per broadcast either: every socket has a channel of its own (`liveview:connection:<id>`, for messages to one");
        Line("connection), which its node subscribes as it connects and leaves as it closes, one at a time; the backlog of a");
        Line("round's N connections can still be going out when its timed broadcasts start.");
        Line();

        var resume = r.Resume;
        Line("### Resume after a node is killed");
        Line();
        Line("The Chat example deployed as docs/scaling.md shows: the same Redis, two nodes (`dotnet Chat.dll`, published, in");
        Line("Production, each its own process on a loopback port) and Debian's nginx in front of them with the docs' block");
        Line($"(round robin, no affinity). {resume.Tabs} tabs of one headless Chromium (Debian's) open the `lobby` room through nginx, signed");
        Line("in, each with a message half typed (so that each holds a snapshot of its page's state). Then, the two nodes in turn,");
        Line($"{resume.Kills} times: the node is killed (SIGKILL), every tab that lost its socket is timed until its page has resumed on");
        Line("the node still up, and the node is started again; the next kill comes 11 s after the last (nginx marks a node it");
        Line("could not reach as down for `fail_timeout`, 10 s by default). The first kill takes the tabs nginx happened to put on");
        Line("that node; the later ones take all of them (they all went to the node that stayed up). Each tab notes, on the wall");
        Line("clock the benchmark reads just before the kill, when the client announced `liveview:disconnected`, then");
        Line("`liveview:connected` (the socket open again, its mount sent with the snapshot), then the answer to that mount");
        Line("applied (`liveview:patch`): the page shows its resumed state.");
        Line();
        Line("| samples | kill → socket closed p50 ms | closed → open again p50 ms | p99 ms | open → resumed p50 ms | p99 ms | **kill → resumed p50 ms** | **p99 ms** | max ms | from the snapshot | typed text shown, no reload | not resumed in 20 s |");
        Line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var total = Percentiles.Of(resume.Resumed);
        var closed = Percentiles.Of(resume.Closed);
        Line($"| {resume.Samples} | {F(closed.P50)} | {F(resume.Reconnect.P50)} | {F(resume.Reconnect.P99)} | {F(resume.Mount.P50)} | {F(resume.Mount.P99)} | " +
             $"**{F(total.P50)}** | **{F(total.P99)}** | {F(total.Max)} | {resume.FromSnapshot} of {resume.Samples} | {resume.StateShown} of {resume.Samples} | {resume.Missing} |");
        Line();
        var stages = new (string Name, double Median)[]
        {
            ("the loss reaching the client", closed.P50),
            ("the client's wait and the new socket through nginx", resume.Reconnect.P50),
            ("the mount on the node still up", resume.Mount.P50),
        };
        var largest = stages.MaxBy(stage => stage.Median);
        Line($"Of the median, {string.Join(", ", stages.Select(stage => $"{stage.Name} takes {Percent(stage.Median, total.P50)}"))} (the medians of");
        Line("the parts do not add up exactly to the median of the whole). *The loss reaching the client*: the kernel tears the");
        Line("killed process down and resets its sockets, nginx closes the client's side, the browser fires the close; each step");
        Line("waits for a core on this machine. *The client's wait*: its first reconnect comes after a random 0–250 ms");
        Line("(exponential backoff with full jitter from 250 ms, mean 125 ms, so that a node's tabs do not all reconnect in the");
        Line("same instant), then the socket opens through nginx, which finds the dead node refusing and takes the other. *The");
        Line("mount*: the snapshot unprotected (Data Protection, the key ring in Redis), the page mounted from it and its answer");
        Line($"sent. The largest part here is {largest.Name}.");
        Line();
        Line("Between kills the node started again is brought to where a node with users is: a tab of its own warms it up (a");
        Line("mount and a typed message, directly on its port), and plain requests through nginx tell nginx it is back. Without");
        Line("them, the docs' nginx block has a trap worth knowing: nginx marks a node it could not reach as down, and after");
        Line("`fail_timeout` (10 s) lets *one* request try it, counting the node up again only when that request completes; a");
        Line("WebSocket does not complete while it is open. If the other node dies before any plain request has reached the one");
        Line("that came back, its tabs get nginx's 502 (`no live upstreams`) and one socket per 10 s gets through: in a first try");
        Line("of this benchmark without the plain requests, 8 of 10 tabs had not resumed 20 s after the second kill.");
        Line();
    }

    /// <summary>The target rows: two nodes' time to the last client at most twice one node's, at each N.</summary>
    public static void Targets(StringBuilder md, ClusterResults r)
    {
        foreach (var x in r.FanOut)
        {
            foreach (var (name, two, one) in new[] { ("p50", x.TwoNodes.LastLatency.P50, x.OneNode.LastLatency.P50), ("p99", x.TwoNodes.LastLatency.P99, x.OneNode.LastLatency.P99) })
            {
                MarkdownReport.Target(md, $"{TargetText} ≤ 2× one node, {x.Clients:N0} pages (last client, {name})",
                    $"{F(two)} ms vs {F(one)} ms ({Ratio(two, one)})", Complete(x.TwoNodes) && two <= 2 * one);
            }
        }
    }

    private static bool Complete(FanOutResult x) => x.Lost == 0 && x.Duplicates == 0;

    private static void Row(StringBuilder md, FanOutResult x, RedisCounts? redis) =>
        md.Append($"| {x.Clients:N0} | {x.Server} | {F(x.LastLatency.P50)} | {F(x.LastLatency.P99)} | {F(x.HalfLatency.P50)} | {x.Broadcasts} | {x.Lost} | " +
                  $"{F(x.CpuMillisecondsPerBroadcast)} | {(redis is null ? "" : F(redis.RedisCpuSeconds * 1000 / Math.Max(1, redis.Broadcasts)))} |\n");

    private static void RatioRow(StringBuilder md, string name, FanOutResult x, FanOutResult baseline, bool bold)
    {
        var (b, e) = bold ? ("**", "**") : ("", "");
        md.Append($"| {x.Clients:N0} | {name} | {b}{Ratio(x.LastLatency.P50, baseline.LastLatency.P50)}{e} | {b}{Ratio(x.LastLatency.P99, baseline.LastLatency.P99)}{e} | " +
                  $"{Ratio(x.HalfLatency.P50, baseline.HalfLatency.P50)} | | | {Ratio(x.CpuMillisecondsPerBroadcast, baseline.CpuMillisecondsPerBroadcast)} | |\n");
    }

    private static void TrafficRow(StringBuilder md, int clients, string name, RedisCounts t)
    {
        var commands = string.Join(", ", t.Commands.Select(c => $"`{c.Key.ToUpperInvariant()}` {c.Value}"));
        var topic = t.On(ClusterFanOut.FanChannel);
        var others = string.Join(", ", t.Channels.Where(c => c.Key != ClusterFanOut.FanChannel)
            .Select(c => $"`{c.Key}` {(t.Seconds == 0 ? 0 : c.Value / t.Seconds).ToString("F1", CultureInfo.InvariantCulture)}"));
        md.Append($"| {clients:N0} | {name} | {t.Broadcasts} | {t.Seconds:F1} | {commands} | {topic} | " +
                  $"{t.PerBroadcast(topic).ToString("0.##", CultureInfo.InvariantCulture)} | {others} |\n");
    }
}
