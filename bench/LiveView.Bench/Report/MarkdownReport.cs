using System.Text;
using LiveView.Bench.Load;
using static LiveView.Bench.Report.Units;

namespace LiveView.Bench.Report;

/// <summary>Writes a run's figures as docs/benchmarks.md: tables, ratios to the baselines, and the targets.</summary>
public static class MarkdownReport
{
    public static string Render(BenchmarkResults r)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("# Benchmarks");
        Line();
        Line($"Written by `./build.sh bench{(r.Plan.Name == "full" ? "" : " --" + r.Plan.Name)}` on {r.Started:yyyy-MM-dd HH:mm} UTC " +
             $"({r.Plan.Name} run, {r.Elapsed.TotalSeconds:F0} s). Every figure comes from this one run on this one machine; " +
             "numbers from another machine or run are not comparable with these. No test asserts on them.");
        Line();
        Line("## Machine");
        Line();
        foreach (var row in r.Machine.Table())
        {
            Line(row);
        }
        Line();
        // Read before the run's first server started: the load of other work. The run then keeps both cores busy.
        if (r.Machine.LoadNote(r.LoadAverages, "the run", "the latencies and rates") is { Length: > 0 } load)
        {
            Line(load);
            Line();
        }

        Line("## Round trip: LiveView against the transport limit");
        Line();
        Line("The QuickStart's `home->random_number` action, sent closed-loop over N sockets on loopback (each socket sends its");
        Line("next request when the reply to the last one has arrived), against a bare Kestrel WebSocket server that answers");
        Line("each message with a reply of the same size. Server, generator and both baselines share the machine's cores.");
        Line($"Each row pools {r.Plan.Rounds} measured window(s) of {(r.Plan.Duration / r.Plan.Rounds).TotalSeconds:F1} s, LiveView and the echo taking turns,");
        Line($"each after {r.Plan.Warmup.TotalSeconds:F1} s of warm-up.");
        Line();
        Line("| connections | server | events/s | p50 ms | p90 ms | p99 ms | max ms | request B | reply B | TCP sent B/event | TCP received B/event | server CPU s | server CPU µs/event | server RSS |");
        Line("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var pair in r.Load)
        {
            LoadRow(md, "LiveView", pair.LiveView);
            LoadRow(md, "raw echo", pair.Echo);
            Line($"| {pair.LiveView.Connections:N0} | **ratio** | **{Ratio(pair.LiveView.EventsPerSecond, pair.Echo.EventsPerSecond)}** | " +
                 $"**{Ratio(pair.LiveView.Latency.P50, pair.Echo.Latency.P50)}** | {Ratio(pair.LiveView.Latency.P90, pair.Echo.Latency.P90)} | " +
                 $"**{Ratio(pair.LiveView.Latency.P99, pair.Echo.Latency.P99)}** | {Ratio(pair.LiveView.Latency.Max, pair.Echo.Latency.Max)} | | | " +
                 $"{Ratio(pair.LiveView.ServerSentPerEvent, pair.Echo.ServerSentPerEvent)} | {Ratio(pair.LiveView.ServerReceivedPerEvent, pair.Echo.ServerReceivedPerEvent)} | | {Ratio(pair.LiveView.CpuMillisecondsPerEvent, pair.Echo.CpuMillisecondsPerEvent)} | {Ratio(pair.LiveView.ServerRssAfter, pair.Echo.ServerRssAfter)} |");
        }

        Line();
        Line("Requests and replies counted in each window were equal in every row: " +
             (r.Load.All(p => p.LiveView.Requests == p.LiveView.Replies && p.Echo.Requests == p.Echo.Replies) ? "**yes**." : "**no** (a reply was lost)."));
        Line();

        Line("## Idle memory per connection");
        Line();
        Line("Each socket does one round trip (for LiveView this mounts the page and keeps its state) and then idles. The");
        Line("server's RSS is read after a full compacting GC, before the sockets open and with all of them open. The first");
        Line("LiveView row mounts the QuickStart's home page; the second mounts a page subscribed to a topic and present in it");
        Line("(`Subscription.Topic` and `Subscription.Track` under its connection's id, as a chat room's page is), to which");
        Line("nothing is broadcast while it idles. Both LiveView rows run on the same server process, one after the other.");
        Line();
        Line("| server | connections | still open | RSS before | RSS with all open | RSS per connection | managed heap per connection |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        IdleRow(md, "LiveView", r.IdleLiveView);
        IdleRow(md, "LiveView, topic + presence", r.IdlePresent);
        IdleRow(md, "raw echo", r.IdleEcho);
        IdleRatio(md, "LiveView / echo", r.IdleLiveView, r.IdleEcho);
        IdleRatio(md, "topic + presence / echo", r.IdlePresent, r.IdleEcho);
        Line();
        Line($"Pages present in the topic while the second LiveView row's memory was read: {r.IdlePresent.Present:N0} of {r.IdlePresent.Connections:N0}.");
        Line();

        FanOutSection.Render(md, r.Plan.FanOut, r.FanOut);

        if (r.Browser is { } browser)
        {
            BrowserSection.Render(md, r.Plan, browser);
        }

        if (r.Cluster is { } cluster)
        {
            ClusterSection.Render(md, cluster);
        }

        Line("## Targets");
        Line();
        Line("| target | measured | met |");
        Line("| --- | --- | :---: |");
        foreach (var pair in r.Load)
        {
            var c = pair.LiveView.Connections;
            Target(md, $"p50 round trip ≤ 1.5× raw echo at {c:N0} connection(s)", Ratio(pair.LiveView.Latency.P50, pair.Echo.Latency.P50),
                pair.LiveView.Latency.P50 <= 1.5 * pair.Echo.Latency.P50);
            Target(md, $"p99 round trip ≤ 2× raw echo at {c:N0} connection(s)", Ratio(pair.LiveView.Latency.P99, pair.Echo.Latency.P99),
                pair.LiveView.Latency.P99 <= 2 * pair.Echo.Latency.P99);
            Target(md, $"throughput ≥ 60 % of raw echo at {c:N0} connection(s)", Percent(pair.LiveView.EventsPerSecond, pair.Echo.EventsPerSecond),
                pair.LiveView.EventsPerSecond >= 0.6 * pair.Echo.EventsPerSecond);
        }

        Target(md, "idle memory per connected page ≤ 20 KB", Kb(r.IdleLiveView.BytesPerConnection), r.IdleLiveView.BytesPerConnection <= 20 * 1024);
        FanOutSection.Targets(md, r.FanOut);
        var onWire = r.Load[0].LiveView.ServerSentPerEvent;
        Target(md, "bytes from server per random-number update ≤ 120", $"{onWire:F1} B on TCP ({r.Load[0].LiveView.ReplyBytes:F1} B payload + frame header)", onWire <= 120);
        if (r.Browser is { } measured)
        {
            BrowserSection.Targets(md, measured);
        }

        if (r.Cluster is { } many)
        {
            ClusterSection.Targets(md, many);
        }

        return md.ToString();
    }

    private static void LoadRow(StringBuilder md, string name, LoadResult x) =>
        md.Append($"| {x.Connections:N0} | {name} | {x.EventsPerSecond:N0} | {F(x.Latency.P50)} | {F(x.Latency.P90)} | {F(x.Latency.P99)} | {F(x.Latency.Max)} | " +
                  $"{x.RequestBytes} | {x.ReplyBytes:F0} | {x.ServerSentPerEvent:F1} | {x.ServerReceivedPerEvent:F1} | {x.Server.CpuSeconds:F1} | {x.CpuMillisecondsPerEvent * 1000:F1} | {Mb(x.ServerRssAfter)} |\n");

    private static void IdleRow(StringBuilder md, string name, IdleResult x) =>
        md.Append($"| {name} | {x.Connections:N0} | {x.StillOpen:N0} | {Mb(x.Baseline.Rss)} | {Mb(x.Loaded.Rss)} | {Kb(x.BytesPerConnection)} | {Kb(x.HeapPerConnection)} |\n");

    private static void IdleRatio(StringBuilder md, string name, IdleResult x, IdleResult baseline) =>
        md.Append($"| **{name}** | | | | | **{Ratio(x.BytesPerConnection, baseline.BytesPerConnection)}** | {Ratio(x.HeapPerConnection, baseline.HeapPerConnection)} |\n");

    /// <summary>One row of the targets' table.</summary>
    public static void Target(StringBuilder md, string target, string measured, bool met) =>
        md.Append($"| {target} | {measured} | {(met ? "yes" : "**no**")} |\n");
}
