using System.Text;
using LiveView.Bench.FanOut;
using static LiveView.Bench.Report.Units;

namespace LiveView.Bench.Report;

/// <summary>The fan-out part of docs/benchmarks.md: what is measured, the table, and its targets.</summary>
public static class FanOutSection
{
    public static void Render(StringBuilder md, FanOutPlan plan, IReadOnlyList<FanOutPair> pairs)
    {
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("## Fan-out: one broadcast to N pages, against SignalR");
        Line();
        Line("One server, N clients on loopback listening to one topic, one message for all of them. LiveView: each of N raw");
        Line("WebSockets mounts the bench server's `fan` page, subscribed to topic `fan` (`Subscription.Topic`); a POST to the");
        Line("server calls `ILiveHub.SendAsync(Audience.Topic(\"fan\"), new Fan(stamp))`, and every page's message handler folds");
        Line("it into its state and pushes `Patch.Html(\"#fan\", stamp)` to its socket. SignalR: an ASP.NET Core hub whose N");
        Line("clients (the JSON hub protocol over WebSockets, no negotiation) join group `fan` as they connect; the POST calls");
        Line("`IHubContext<FanHub>.Clients.Group(\"fan\").SendAsync(\"fan\", stamp)`, one message serialized once and written to");
        Line("every connection. Each broadcast carries its own stamp and the client notes when each socket received it: the");
        Line("figure per broadcast is the time from just before the triggering request until the **last** socket had it (and,");
        Line($"beside it, until half of them had it). {plan.Broadcasts} broadcasts per server and N, in {plan.Rounds} round(s) in which");
        Line($"LiveView and SignalR take turns; each round opens its N sockets afresh, joins them, and sends {plan.Warmups} untimed");
        Line("warm-up broadcasts that every socket must receive; 100 ms pass between broadcasts. Under 100 broadcasts, the p99 is");
        Line("the slowest of them. The client reading N sockets shares the machine's cores with the server: its time to take in N");
        Line("messages is in every figure, for both servers alike. Server CPU per broadcast is read from /proc (10 ms ticks),");
        Line("the pauses included; frame B is the payload one client receives per broadcast.");
        Line();
        Line("| clients | server | last client p50 ms | last client p99 ms | half the clients p50 ms | broadcasts | lost | frame B | server CPU ms/broadcast |");
        Line("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var pair in pairs)
        {
            Row(md, pair.LiveView);
            Row(md, pair.SignalR);
            var (lv, sr) = (pair.LiveView, pair.SignalR);
            Line($"| {lv.Clients:N0} | **LiveView / SignalR** | **{Ratio(lv.LastLatency.P50, sr.LastLatency.P50)}** | **{Ratio(lv.LastLatency.P99, sr.LastLatency.P99)}** | " +
                 $"{Ratio(lv.HalfLatency.P50, sr.HalfLatency.P50)} | | | {Ratio(lv.FrameBytes, sr.FrameBytes)} | {Ratio(lv.CpuMillisecondsPerBroadcast, sr.CpuMillisecondsPerBroadcast)} |");
        }

        Line();
        Line("Every client received every broadcast exactly once: " +
             (pairs.All(p => Complete(p.LiveView) && Complete(p.SignalR)) ? "**yes**." : "**no** (see the lost column; a broadcast not received by all within 30 s is lost)."));
        Line();
    }

    /// <summary>The target rows: not slower than SignalR, at each N.</summary>
    public static void Targets(StringBuilder md, IReadOnlyList<FanOutPair> pairs)
    {
        foreach (var (lv, sr) in pairs)
        {
            MarkdownReport.Target(md, $"fan-out to {lv.Clients:N0} pages no slower than SignalR (last client, p50)",
                $"{F(lv.LastLatency.P50)} ms vs {F(sr.LastLatency.P50)} ms", Complete(lv) && lv.LastLatency.P50 <= sr.LastLatency.P50);
            MarkdownReport.Target(md, $"fan-out to {lv.Clients:N0} pages no slower than SignalR (last client, p99)",
                $"{F(lv.LastLatency.P99)} ms vs {F(sr.LastLatency.P99)} ms", Complete(lv) && lv.LastLatency.P99 <= sr.LastLatency.P99);
        }
    }

    private static bool Complete(FanOutResult x) => x.Lost == 0 && x.Duplicates == 0;

    private static void Row(StringBuilder md, FanOutResult x) =>
        md.Append($"| {x.Clients:N0} | {x.Server} | {F(x.LastLatency.P50)} | {F(x.LastLatency.P99)} | {F(x.HalfLatency.P50)} | {x.Broadcasts} | {x.Lost} | " +
                  $"{x.FrameBytes} | {F(x.CpuMillisecondsPerBroadcast)} |\n");
}
