using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using LiveView;
using LiveView.AspNetCore;
using LiveView.ViewBench;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using static Giraffe.ViewEngine.HtmlElements;

// ./build.sh bench --views: bytes on the wire and server CPU per update, in process (no socket): the runtime's step
// (fold, view, diff) and the frame writer, against the same page written with a hand-written patch. Writes its section
// of docs/benchmarks.md (--out file), or prints it (--print). `--profile UPDATE` runs one update in a loop, to profile
// (with `--allocations`, then prints the types it allocates most).
var quick = args.Contains("--quick");
var rounds = quick ? 200 : 2_000;
if (args.Contains("--observability"))
{
    // What the host's metrics and traces cost per round trip, printed (docs/observability.md keeps the figures).
    Console.Write($"Machine: {Cpu()}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, ");
    Console.Write($".NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}; load average {LoadAverage()}.\n\n");
    Console.Write(await ObservabilityCost.MeasureAsync(quick ? 20_000 : 200_000));
    return;
}

if (Option("--profile") is { } profiled)
{
    // One update in a loop for 20 s (to run under a profiler: `perf record -p PID`), then its time and allocation.
    var updates = new Dictionary<string, (Page<object> Page, Func<int, ClientAction> Action)>
    {
        ["counter"] = (LiveView.Page.erase(Pages.Counter), _ => Action("counter->increment")),
        ["counter-by-hand"] = (LiveView.Page.erase(Pages.CounterWithoutView), _ => Action("counter->increment")),
        ["list"] = (LiveView.Page.erase(Pages.TableEach), Rename),
        ["list-by-hand"] = (LiveView.Page.erase(Pages.TableEachWithoutView), Rename),
        ["list-toggle"] = (LiveView.Page.erase(Pages.TableEachToggle), Toggle),
    };
    if (!updates.TryGetValue(profiled, out var measured))
    {
        Console.Error.WriteLine($"--profile takes one of: {string.Join(", ", updates.Keys)}");
        Environment.Exit(2);
    }

    var loop = Measure(measured.Page, measured.Action, 200).Update;
    using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
    Console.WriteLine($"pid {Environment.ProcessId}: {profiled} for 20 s");
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    var count = 0L;
    while (clock.Elapsed < TimeSpan.FromSeconds(20))
    {
        loop();
        count++;
    }

    Console.WriteLine($"{clock.Elapsed.TotalMicroseconds / count:F2} µs and {(GC.GetAllocatedBytesForCurrentThread() - allocated) / count} B allocated per update");
    foreach (var (type, share) in sampler?.Shares().Take(40) ?? [])
    {
        Console.WriteLine($"{share,6:P1} {type}");
    }
    return;
}

var report = new StringBuilder();
report.Append("## View updates (`./build.sh bench --views`)\n\n");
report.Append("In process, no socket: the runtime's step (fold, title, view, tree, diff) and the frame writer, after a second of ");
report.Append($"warm-up (the JIT's optimised code); the median of 21 batches of {rounds / 10:N0} updates, the updates of a row taking turns batch by batch. CPU is wall time on one core. *Hand-written* is the same page whose ");
report.Append("handler writes the changed element itself: *view not rendered* is that handler on a page whose view shows nothing ");
report.Append("that changes (what a hand-written patch cost the runtime before views drove updates), *view rendered* the page ");
report.Append("itself (every fold renders the view, the source of truth), *fold + frame* the handler and its frame without the ");
report.Append("runtime. *Whole fragment* is a handler that renders the page's view itself and sends all of it into `#main` ");
report.Append("(Django LiveView's way, a fragment rendered and sent whole), on a page whose view shows nothing that changes. ");
report.Append("*Ratio* is the view-driven CPU over that of the hand-written patch whose view is not rendered. Bytes are one ");
report.Append("frame's JSON text; *allocated* the bytes an update allocates (the same from one run to the next, unlike the times).\n\n");
report.Append($"Machine: {Cpu()}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, ");
report.Append($".NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}.\n\n");
report.Append("| update | view-driven frame | bytes | v1 bytes | hand-written bytes | whole fragment bytes | view-driven CPU | hand-written, view not rendered | hand-written, view rendered | hand-written fold + frame | whole fragment | ratio | ratio to fold + frame | ratio to whole fragment | allocated: view-driven / hand-written, view not rendered |\n");
report.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");

Row("counter +1", LiveView.Page.erase(Pages.Counter), LiveView.Page.erase(Pages.CounterByHand), LiveView.Page.erase(Pages.CounterWithoutView), LiveView.Page.erase(Pages.CounterWholeFragment), i => Action("counter->increment"));
Row("300-row table, one row renamed", LiveView.Page.erase(Pages.Table), LiveView.Page.erase(Pages.TableByHand), LiveView.Page.erase(Pages.TableWithoutView), LiveView.Page.erase(Pages.TableWholeFragment), Rename);
Row("300-row table, rows kept (`H.Memo`), one renamed", LiveView.Page.erase(Pages.TableMemo), LiveView.Page.erase(Pages.TableMemoByHand), LiveView.Page.erase(Pages.TableWithoutView), LiveView.Page.erase(Pages.TableWholeFragment), Rename);
Row("300-row table, rows a list (`Each`), one renamed", LiveView.Page.erase(Pages.TableEach), LiveView.Page.erase(Pages.TableEachByHand), LiveView.Page.erase(Pages.TableEachWithoutView), LiveView.Page.erase(Pages.TableEachWholeFragment), Rename);
Row("300-row table, rows a list (`Each`), one added, then taken out", LiveView.Page.erase(Pages.TableEachToggle), null, null, null, Toggle);
Row("stream of 1,000 items, one appended", LiveView.Page.erase(Pages.Feed), null, null, null,
    i => Action("feed->say", ("text", $"message {i}")), warmUp: 1_000);

report.Append('\n');
Breakdown();
Memory();

var output = Option("--out") ?? Path.Combine("docs", "benchmarks.md");
if (args.Contains("--print"))
{
    Console.Write(report);
}
else
{
    Section.Replace(output, report.ToString());
    Console.Write(report);
    Console.WriteLine($"Wrote its section of {output}.");
}

void Row(string name, Page<object> page, Page<object>? byHand, Page<object>? withoutView, Page<object>? wholeFragment, Func<int, ClientAction> action, int warmUp = 200)
{
    var (frame, bytes, v1, update) = Measure(page, action, warmUp);
    (string Frame, int Bytes, int V1Bytes, Action Update)? hand = byHand is null ? null : Measure(byHand, action, warmUp);
    Action? still = withoutView is null ? null : Measure(withoutView, action, warmUp).Update;
    Action? fold = byHand is null ? null : FoldAndFrame(byHand, action, warmUp);
    (string Frame, int Bytes, int V1Bytes, Action Update)? whole = wholeFragment is null ? null : Measure(wholeFragment, action, warmUp);

    // The updates compared run in turns, batch after batch, so that a slower spell of the machine slows them all.
    Action[] updates = [update, .. new[] { still, hand?.Update, fold, whole?.Update }.OfType<Action>()];
    var medians = Medians(updates);
    var cpu = medians[0];
    double? Of(Action? measured) => measured is null ? null : medians[Array.IndexOf(updates, measured)];
    string Micro(double? value) => value is null ? "–" : $"{value:F1} µs";
    string Ratio(double? to) => to is null ? "–" : cpu / to < 0.1 ? $"{cpu / to:F2}×" : $"{cpu / to:F1}×";
    report.Append($"| {name} | `{frame.Replace("|", "\\|")}` | {bytes} | {v1} | {(hand is null ? "–" : hand.Value.Bytes.ToString())} ");
    report.Append($"| {(whole is null ? "–" : whole.Value.Bytes.ToString())} | {cpu:F1} µs | {Micro(Of(still))} | {Micro(Of(hand?.Update))} ");
    report.Append($"| {Micro(Of(fold))} | {Micro(Of(whole?.Update))} | **{Ratio(Of(still))}** | {Ratio(Of(fold))} | {Ratio(Of(whole?.Update))} ");
    report.Append($"| {Units(Allocated(update))}{(still is null ? "" : $" / {Units(Allocated(still))}")} |\n");
}

// Bytes allocated per call of `update` (the same from one run to the next, unlike its time).
static long Allocated(Action update)
{
    const int calls = 1_000;
    var before = GC.GetAllocatedBytesForCurrentThread();
    for (var n = 0; n < calls; n++)
    {
        update();
    }

    return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
}

(string Frame, int Bytes, int V1Bytes, Action Update) Measure(Page<object> page, Func<int, ClientAction> action, int warmUp)
{
    var site = LiveView.Page.alone(page);
    var runtime = Mounted(site, page);
    var writer = new FrameWriter(extended: true);
    var v1Writer = new FrameWriter(extended: false);
    var i = 0;
    for (; i < warmUp; i++)
    {
        runtime = Step(site, runtime, action(i), writer);
    }

    // One update's frame, for both clients (the v1 one from a runtime in the same state).
    runtime = Step(site, runtime, action(i), writer);
    var frame = Encoding.UTF8.GetString(writer.Frame(0).Span);
    var bytes = Enumerable.Range(0, writer.Count).Sum(f => writer.Frame(f).Length);
    var v1Runtime = Mounted(site, page);
    for (var j = 0; j < i; j++)
    {
        v1Runtime = Step(site, v1Runtime, action(j), v1Writer);
    }

    Step(site, v1Runtime, action(i), v1Writer);
    var v1 = Enumerable.Range(0, v1Writer.Count).Sum(f => v1Writer.Frame(f).Length);
    i++;

    return (frame, bytes, v1, () => runtime = Step(site, runtime, action(i++), writer));
}

// Microseconds per call of `update`: the median of 21 batches of `rounds / 10` calls, after a second of calls (the JIT
// replaces its first, unoptimised code with the optimised tier only after that code has run for a while).
double Median(Action update) => Medians([update])[0];

// `Median` of each of `updates`, their batches taken in turns.
double[] Medians(Action[] updates)
{
    foreach (var update in updates)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(quick ? 0.1 : 1))
        {
            update();
        }
    }

    var batches = new double[updates.Length, 21];
    var calls = rounds / 10;
    for (var b = 0; b < batches.GetLength(1); b++)
    {
        for (var u = 0; u < updates.Length; u++)
        {
            var clock = Stopwatch.StartNew();
            for (var n = 0; n < calls; n++)
            {
                updates[u]();
            }

            batches[u, b] = clock.Elapsed.TotalMicroseconds / calls;
        }
    }

    return [.. Enumerable.Range(0, updates.Length).Select(u =>
    {
        var times = Enumerable.Range(0, batches.GetLength(1)).Select(b => batches[u, b]).Order().ToArray();
        return times[times.Length / 2];
    })];
}

// What a hand-written patch costs without a view: the handler's fold and its frame.
Action FoldAndFrame(Page<object> page, Func<int, ClientAction> action, int warmUp)
{
    var writer = new FrameWriter(extended: true);
    var state = page.Init.Invoke(new MountContext("", MapModule.Empty<string, string>(), FSharpOption<string>.None,
        CultureInfo.InvariantCulture, new ClaimsPrincipal(), "bench", new Random(1), DateTimeOffset.UnixEpoch));
    var random = new Random(1);
    var i = 0;
    object Fold(int n)
    {
        var clientAction = action(n);
        var ctx = new ActionContext(Origin.NewClient(clientAction.Name), clientAction, CultureInfo.InvariantCulture,
            new ClaimsPrincipal(), "bench", random, DateTimeOffset.UnixEpoch);
        var reply = page.Handlers[clientAction.Name.Handler].Invoke(state).Invoke(ctx);
        writer.WritePatches(clientAction.Name, reply.Patches);
        writer.Release();
        return reply.State;
    }

    for (; i < warmUp; i++)
    {
        state = Fold(i);
    }

    return () => state = Fold(i++);
}

// Where a view-driven update spends its time: the view, its tree, the diff (the counter, and the 300-row table).
void Breakdown()
{
    var names = Enumerable.Range(1, Pages.Rows).Select(i => $"name {i}").ToImmutableArray();
    var counter = Spent(Pages.Counter.View, 200, 201);
    var table = Spent(Pages.Table.View, names, names.SetItem(199, "renamed"));
    var memo = Spent(Pages.TableMemo.View, names, names.SetItem(199, "renamed"));
    var people = Pages.People;
    var each = Spent(Pages.TableEach.View, people, people.SetItem(199, people[199] with { Name = "renamed" }));
    report.Append("Where an update goes, the rest being the runtime's step and the frame: the counter's view ");
    report.Append($"{counter.View:F2} µs, the view and its tree (made from the last render's, whose nodes it keeps where nothing ");
    report.Append($"changed) {counter.Tree:F2} µs, the diff {counter.Diff:F2} µs; the 300-row table's {table.View:F1} µs, {table.Tree:F1} µs, ");
    report.Append($"{table.Diff:F1} µs; with its rows kept, the view and its tree {memo.Tree:F1} µs, the diff {memo.Diff:F1} µs; as a list, ");
    report.Append($"{each.Tree:F1} µs and {each.Diff:F1} µs. The counter's view allocates {counter.ViewBytes} B, the view and its ");
    report.Append($"tree {counter.TreeBytes} B, the diff {counter.DiffBytes} B; the list's view and tree {each.TreeBytes} B, its diff {each.DiffBytes} B.\n\n");
}

(double View, double Tree, double Diff, long ViewBytes, long TreeBytes, long DiffBytes) Spent<TState>(FSharpFunc<TState, XmlNode> view, TState from, TState to)
{
    var memo = new ViewMemo();
    var before = ViewTree.render(memo, FuncConvert.FromFunc(() => view.Invoke(from))).Item2;
    var after = ViewTree.renderAfter(before, memo, FuncConvert.FromFunc(() => view.Invoke(to))).Item2;
    var last = after;
    var at = to;
    void Tree()
    {
        // Each round renders the other state after the last, as a page does with the state that changed.
        at = EqualityComparer<TState>.Default.Equals(at, from) ? to : from;
        last = ViewTree.renderAfter(last, memo, FuncConvert.FromFunc(() => view.Invoke(at))).Item2;
    }

    double Time(Action run)
    {
        for (var i = 0; i < 100; i++)
        {
            run();
        }

        return Median(run);
    }

    // The diff first: it is timed as the runtime runs it, right after the render (a list's next render tells the diff
    // where it changed, and the render after it forgets that).
    var diff = Time(() => ViewDiff.between(before, after));
    var diffBytes = Allocated(() => ViewDiff.between(before, after));
    return (Time(() => view.Invoke(to)), Time(Tree), diff, Allocated(() => view.Invoke(to)), Allocated(Tree), diffBytes);
}

// What a page's runtime holds (100 of them, average), its view's last render included: the stream's page after 10 and
// after 1,000 appends (it does not grow with the list), the counter, and the 300-row table.
void Memory()
{
    long Held(Page<object> page, Func<int, ClientAction>? action, int updates)
    {
        var site = LiveView.Page.alone(page);
        var runtimes = new Runtime[100];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var writer = new FrameWriter(extended: true);
        for (var r = 0; r < runtimes.Length; r++)
        {
            var runtime = Mounted(site, page);
            for (var n = 0; n < updates; n++)
            {
                runtime = Step(site, runtime, action!(n), writer);
            }

            runtimes[r] = runtime;
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(runtimes);
        return (after - before) / runtimes.Length;
    }

    var feed = LiveView.Page.erase(Pages.Feed);
    ClientAction Say(int n) => Action("feed->say", ("text", $"message {n}"));
    var few = Held(feed, Say, 10);
    var many = Held(feed, Say, 1_000);
    var counter = Held(LiveView.Page.erase(Pages.Counter), null, 0);
    var table = Held(LiveView.Page.erase(Pages.Table), null, 0);
    var kept = Held(LiveView.Page.erase(Pages.TableMemo), null, 0);
    var listed = Held(LiveView.Page.erase(Pages.TableEach), null, 0);
    report.Append("Server memory per page (its runtime, held; 100 pages, average), the view's last render included: the ");
    report.Append($"stream's page {Units(few)} after 10 appends and {Units(many)} after 1,000 (it keeps no item); the counter ");
    report.Append($"{Units(counter)}; the 300-row table {Units(table)}, {Units(kept)} with its rows kept (their nodes beside the tree), {Units(listed)} as a list (`Each`). When no hand-written patch diverged from the view, what ");
    report.Append("the client shows is the same tree as the last render, held once.\n");
}

static string Cpu() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static string Units(long bytes) => bytes >= 1024 ? $"{bytes / 1024.0:F1} KB" : $"{bytes} B";

static Runtime Mounted(ISite site, Page<object> page)
{
    var runtime = RuntimeModule.start("bench", new ClaimsPrincipal(), 16);
    var request = new MountRequest(page.Name, "/", MapModule.Empty<string, string>(), FSharpOption<string>.None);
    return RuntimeModule.step(site, Input.NewMount(request, new Env(DateTimeOffset.UnixEpoch, new Random(1))), runtime).Item1;
}

// One update, as the host steps it: with its clock and the connection's one generator (seeding a new generator for
// each update is no cost of the runtime's).
static Runtime Step(ISite site, Runtime runtime, ClientAction action, FrameWriter writer)
{
    var (next, outputs) = RuntimeModule.step(site, Input.NewAction(action, new Env(DateTimeOffset.UnixEpoch, Generator.Random)), runtime);
    writer.Release();
    foreach (var output in outputs)
    {
        if (output is Output.Frames frames)
        {
            writer.WritePatches(frames.Answer, frames.Patches, frames.Loading);
        }
    }

    return next;
}

// The table's update `i`: the rows renamed in turn.
static ClientAction Rename(int i) =>
    Action("table->rename", ("row", (1 + i % Pages.Rows).ToString(CultureInfo.InvariantCulture)), ("to", i.ToString(CultureInfo.InvariantCulture)));

// The list's update `i`: a person added before a row, then taken out, the rows in turn.
static ClientAction Toggle(int i) =>
    Action("table->toggle", ("row", (1 + i / 2 % Pages.Rows).ToString(CultureInfo.InvariantCulture)));

static ClientAction Action(string name, params (string Key, string Value)[] data)
{
    var action = ClientActionModule.named(name);
    foreach (var (key, value) in data)
    {
        action = ClientActionModule.withData(key, value, action);
    }

    return action;
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

/// <summary>The generator of the connections measured, one per process as the host has one per connection.</summary>
internal static class Generator
{
    /// <summary>Seeded: the pages measured do not draw from it, and their frames are the same each run.</summary>
    public static readonly Random Random = new(1);
}
