using System.Globalization;
using System.Text;

namespace LiveView.Bench.Hostile;

/// <summary>Writes a hostile-load run as markdown: what ran, a summary table, then each scenario in detail.</summary>
public static class HostileReport
{
    public static string Render(HostileResults r, string? label)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        var plan = r.Plan;

        Line($"# Hostile load{(label is null ? "" : $": {label}")}");
        Line();
        Line($"Written by `./build.sh bench --hostile{(plan.Name == "full" ? "" : " --" + plan.Name)}` on {r.Started:yyyy-MM-dd HH:mm} UTC " +
             $"({plan.Name} run, {r.Elapsed.TotalSeconds:F0} s) at commit {r.Commit}. Every figure comes from this one run on this one machine.");
        Line();
        foreach (var row in r.Machine.Table("| machine | |"))
        {
            Line(row);
        }
        Line();

        Line("## What runs");
        Line();
        Line("- **Server**: the Website example (`examples/Website`), published in Release and run in Production as its own process,");
        Line("  restarted with a fresh SQLite file for each scenario. Server, probe and clients share the machine's cores.");
        Line("- **Flooder**: one socket (`/ws/liveview/?protocol=2`) sends the scenario's action as fast as it can, reading the");
        Line($"  replies on the same socket meanwhile or never reading. It stops sending when a send has not completed after {S(plan.StallLimit)}.");
        Line($"  The flood lasts {S(plan.FloodWindow)}, or less for a flooder that reads once every reply it expects has come. Then the");
        Line($"  flooder is closed: with a closing handshake (up to {S(TimeSpan.FromSeconds(5))}) if it reads, by an abort (a killed tab) if it never reads.");
        Line($"- **Other client**: a second socket sends `about->wave` (answered with one 55 B frame) at most every {plan.RoundTripInterval.TotalMilliseconds:F0} ms and");
        Line($"  waits for each reply: first for {S(plan.Quiet)} before the flood (quiet), then all through the flood. A round trip over");
        Line($"  {S(plan.RoundTripTimeout)} counts as a timeout; the probe still waits for it until the flood ends.");
        Line($"- **Memory**: the server's RSS from /proc every {plan.SampleInterval.TotalMilliseconds:F0} ms. Baseline: the median before the flood; peak: from");
        Line($"  the flood's start until the flooder is closed; after: at the end of a {S(plan.Settle)} settle with no client. No GC is forced.");
        Line("- **After**: a new socket's first `about->wave` once the server has settled: does it still serve newcomers?");
        Line("- **Machine**: the CPU time that other processes (neither the server nor the probe) used during each flood. Anything");
        Line("  well above zero means the server shared its cores with other work and its latencies are worse than its own." +
             (plan.QuietMachineWait > TimeSpan.Zero ? $" Each scenario first waits (up to {plan.QuietMachineWait.TotalMinutes:F0} min) for the other processes to go quiet." : "") +
             (plan.Attempts > 1 ? $" A scenario whose flood other processes disturbed (over {plan.BusyMachine:F2} of a core on average) runs again, up to {plan.Attempts} times; the least disturbed run is reported." : ""));
        Line();
        foreach (var s in r.Scenarios)
        {
            Line($"- **{s.Scenario.Key}**: {s.Frames:N0} × `{s.Scenario.Action}`{(s.Scenario.Reads ? ", reading" : ", never reading")}. {s.Scenario.Notes}");
        }

        Line();
        Line("## Summary");
        Line();
        Line($"| scenario | RSS baseline | RSS peak | RSS after settle | other client p50 ms | p99 ms | max ms | round trips | over {S(r.Plan.RoundTripTimeout)} | flooder sent | flooder got | flooder's connection | other processes' CPU s |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
        foreach (var s in r.Scenarios)
        {
            var o = s.DuringFlood;
            var f = s.Flood;
            Line($"| {s.Scenario.Key} | {Mb(s.Memory.BaselineRss)} | {Mb(s.Memory.PeakRss)} | {Mb(s.Memory.AfterRss)} | {Ms(o.Latency.P50)} | " +
                 $"{Ms(o.Latency.P99)} | {Longest(o)} | {o.Completed:N0} | {o.Timeouts} | {f.Sent:N0} / {f.Planned:N0} | " +
                 $"{(s.Scenario.Reads ? $"{f.Replies:N0} / {f.Sent * s.Scenario.RepliesPerFrame:N0} replies" : "(never reads)")} | " +
                 $"{(f.ServerClosed is null ? "kept open by the server" : $"dropped by the server at {f.ServerClosedAt:F1} s")} | {s.OthersCpuSeconds:F1} |");
        }

        Line();
        foreach (var s in r.Scenarios)
        {
            Scenario(md, s, plan);
        }

        return md.ToString();
    }

    private static void Scenario(StringBuilder md, ScenarioResult s, HostilePlan plan)
    {
        void Line(string text = "") => md.Append(text).Append('\n');
        var f = s.Flood;
        var m = s.Memory;
        Line($"## {s.Scenario.Key}: {s.Scenario.Title}");
        Line();
        Line($"- Flooder sent {f.Sent:N0} of {f.Planned:N0} frames in {f.SendingSeconds:F2} s: {f.SendingEnded}.");
        if (s.Scenario.Reads)
        {
            Line($"- Flooder got {f.Replies:N0} replies ({Mb(f.ReplyBytes)}; {f.Replies / Math.Max(1.0, f.Sent):F2} per frame sent, " +
                 $"{s.Scenario.RepliesPerFrame} expected), the last at {Sec(f.LastReplyAt)}; {f.ErrorReplies:N0} were errors" +
                 (f.FirstError is null ? "." : $", the first: `{f.FirstError}`."));
            Line($"- Server's first answer to each frame (n-th first reply against the n-th frame, {f.AnswerLag.Count:N0} answers): " +
                 $"p50 {Ms(f.AnswerLag.P50)} ms, p99 {Ms(f.AnswerLag.P99)} ms, max {Ms(f.AnswerLag.Max)} ms.");
            if (s.Scenario.RepliesPerFrame > 1)
            {
                Line($"- Effect results ({f.Replies - f.FirstReplies:N0}; n-th result against the n-th frame, approximate): " +
                     $"p50 {Ms(f.ResultLag.P50)} ms, p99 {Ms(f.ResultLag.P99)} ms, max {Ms(f.ResultLag.Max)} ms.");
            }
        }

        Line($"- Server dropped the flooder: {(f.ServerClosed is null ? "no" : $"yes, at {f.ServerClosedAt:F1} s: {f.ServerClosed}")}.");
        Line($"- Flood ended after {f.FloodSeconds:F1} s: {f.FloodEnded}. Close: {f.Close}.");
        if (f.TcpAtEnd is { } tcp)
        {
            Line($"- Flooder's TCP connection when the flood ended: {tcp.Describe()}. Most seen unread by the flooder: {Kib(f.PeakUnreadByClient)}; " +
                 $"waiting in the server's send queue: {Kib(f.PeakUnsentByServer)}; server bytes acknowledged: {Kib(f.ServerBytesAcked)}.");
        }

        Line($"- After the settle: flooder's connection: {s.FlooderAfterSettle.Describe()}; a new client's first round trip: " +
             $"{(s.After.Answered ? $"{s.After.Milliseconds:F0} ms (connect included)" : $"**failed**: {s.After.Problem}")}.");
        Line($"- Other client, quiet: {s.Quiet.Completed:N0} round trips, p50 {Ms(s.Quiet.Latency.P50)} ms, p99 {Ms(s.Quiet.Latency.P99)} ms, max {Ms(s.Quiet.Latency.Max)} ms.");
        var o = s.DuringFlood;
        Line($"- Other client, during the flood: {o.Completed:N0} round trips, p50 {Ms(o.Latency.P50)} ms, p99 {Ms(o.Latency.P99)} ms, " +
             $"max {Ms(o.Latency.Max)} ms (of those answered); {o.Timeouts} over {S(plan.RoundTripTimeout)}" +
             (o.Unfinished is { } u ? $"; one still unanswered after {u:F0} ms when the flood ended" : "") +
             (o.ErrorReplies > 0 ? $"; {o.ErrorReplies} error replies" : "") +
             (o.Lost is { } lost && lost != "closed by the probe" ? $"; socket lost: {lost}" : "") + ".");
        Line($"- Server RSS: baseline {Mb(m.BaselineRss)}, peak {Mb(m.PeakRss)} at {m.PeakAt:F1} s, after the settle {Mb(m.AfterRss)}. " +
             $"CPU: {m.FloodCpuSeconds:F1} s during the flood and close, {m.SettleCpuSeconds:F1} s during the settle. Threads: {m.BaselineThreads} before, up to {m.PeakThreads}.");
        Line($"- RSS every 5 s from the flood's start (MB; the flooder was closed at {m.ClosedAt:F0} s): " +
             string.Join(", ", m.Timeline.Select(p => (p.Rss / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture))) + ".");
        Line($"- Machine: load average {s.LoadAverage:F1} just before the flood; processes other than the server and the probe used " +
             $"{s.OthersCpuSeconds:F1} s of CPU from the flood's start to the close ({m.ClosedAt:F0} s on {Environment.ProcessorCount} cores: " +
             $"{s.OthersShare:F2} of a core on average). Attempt {s.Attempt} of at most {plan.Attempts}.");
        var log = s.ServerLog;
        Line($"- Server log: {log.Warnings} warnings, {log.Errors} errors, {log.Critical} critical, {log.Other} other lines" +
             (s.ServerExited ? "; **the server process exited**." : "."));
        foreach (var (entry, times) in log.First)
        {
            Line($"  - {times} × `{entry.Replace("`", "'", StringComparison.Ordinal)}`");
        }

        Line();
    }

    /// <summary>The longest wait of the well-behaved client, marked when it is a round trip that never completed.</summary>
    private static string Longest(RoundTripResult o) =>
        o.Unfinished is { } u && u > o.Latency.Max ? $"≥ {Ms(u)} (unanswered)" : Ms(o.Latency.Max);

    private static string S(TimeSpan t) => $"{t.TotalSeconds:F0} s";

    private static string Sec(double? seconds) => seconds is { } s ? $"{s:F1} s" : "–";

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : ms < 100 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Kib(long bytes) => (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KiB";

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MB";
}
