using System.Text;
using LiveView.Bench;
using LiveView.Bench.Browser;
using LiveView.Bench.Cluster;
using LiveView.Bench.FanOut;
using LiveView.Bench.Hostile;
using LiveView.Bench.Report;
using LiveView.Bench.Servers;

// ./build.sh bench [--quick] publishes the servers and runs this; see docs/benchmarks.md for the output.
// ./build.sh bench --hostile [--smoke] runs the hostile-load probe against the Website instead; see docs/hostile-load.md.
// ./build.sh bench --fan-out [--quick | --smoke] runs only the fan-out against SignalR and prints its part of the report.
// ./build.sh bench --browser [--quick | --smoke] runs only the browser against Blazor Server and prints its part of the report.
// ./build.sh bench --cluster [--quick | --smoke] runs only the many nodes on Redis and puts their part into the report.
var serversRoot = Option("--servers") ?? Path.Combine("bench", ".out");
if (args.Contains("--hostile"))
{
    await RunHostileAsync();
    return;
}

var plan = args.Contains("--quick") ? Plan.Quick : args.Contains("--smoke") ? Plan.Smoke : Plan.Full;
if (args.Contains("--no-browser"))
{
    plan = plan with { Browser = false };
}

if (args.Contains("--no-cluster"))
{
    plan = plan with { Cluster = null };
}

var servers = ServerBinaries.Published(serversRoot);
if (args.Contains("--fan-out"))
{
    await RunFanOutAsync();
    return;
}

if (args.Contains("--browser"))
{
    await RunBrowserAsync();
    return;
}

var output = Option("--out") ?? Path.Combine("docs", "benchmarks.md");
if (args.Contains("--cluster"))
{
    await RunClusterAsync();
    return;
}

Console.WriteLine($"Benchmark ({plan.Name}) against the servers in {Path.GetDirectoryName(servers.Echo)}/..");
var results = await BenchmarkRun.RunAsync(plan, servers, Console.Out);

// The view updates' section (./build.sh bench --views) is measured apart: it stays.
var previous = File.Exists(output) ? await File.ReadAllTextAsync(output) : "";
var views = previous.IndexOf("## View updates", StringComparison.Ordinal);
await File.WriteAllTextAsync(output, MarkdownReport.Render(results) + (views < 0 ? "" : "\n" + previous[views..]));
Console.WriteLine($"Wrote {output} in {results.Elapsed.TotalSeconds:F0} s.");

// --hostile [--smoke] [--only key,key] [--label text] [--out file]: the published Website under abusive clients.
async Task RunHostileAsync()
{
    var hostilePlan = args.Contains("--smoke") ? HostilePlan.Smoke : HostilePlan.Full;
    var website = Path.Combine(serversRoot, "Website", "Website.dll");
    var hostileOutput = Option("--out") ?? Path.Combine("docs", "hostile-load.md");
    var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var scenarios = HostileScenario.All.Where(s => only is null || only.Contains(s.Key)).ToList();
    if (scenarios.Count == 0)
    {
        throw new ArgumentException($"--only names no scenario; there are: {string.Join(", ", HostileScenario.All.Select(s => s.Key))}.");
    }

    Console.WriteLine($"Hostile load ({hostilePlan.Name}) against {website}");
    var hostile = await HostileProbe.RunAsync(hostilePlan, website, scenarios, Console.Out);
    await File.WriteAllTextAsync(hostileOutput, HostileReport.Render(hostile, Option("--label")));
    Console.WriteLine($"Wrote {hostileOutput} in {hostile.Elapsed.TotalSeconds:F0} s.");
}

// --fan-out: the LiveView bench server and the SignalR peer only; the fan-out's section of the report on the console.
async Task RunFanOutAsync()
{
    Console.WriteLine($"Fan-out ({plan.Name}) against the servers in {serversRoot}");
    await using var liveView = await ServerProcess.StartAsync(servers.LiveView, servers.Environment);
    await using var signalR = await ServerProcess.StartAsync(servers.SignalR, servers.Environment);
    var pairs = await FanOutBenchmark.RunAsync(plan.FanOut, liveView, signalR, Console.Out);
    PrintSection(md => FanOutSection.Render(md, plan.FanOut, pairs), md => FanOutSection.Targets(md, pairs));
}

// --browser: a LiveView bench server and the Blazor peer of its own, in Chromium; the browser's section of the report on
// the console.
async Task RunBrowserAsync()
{
    Console.WriteLine($"Browser ({plan.Name}) against the servers in {serversRoot}");
    var browser = await BrowserComparison.RunAsync(plan, servers, Console.Out);
    PrintSection(md => BrowserSection.Render(md, plan, browser), md => BrowserSection.Targets(md, browser));
}

// --cluster: Redis, the bench server on one and two nodes, the Chat's two nodes behind nginx under Chromium; its section
// and its rows of the targets put into the report (--out), the rest of it left as it is.
async Task RunClusterAsync()
{
    var clusterPlan = plan.Cluster ?? throw new ArgumentException("--cluster with --no-cluster measures nothing.");
    Console.WriteLine($"Many nodes on Redis ({clusterPlan.Name}) with the servers in {serversRoot}");
    var cluster = await ClusterRun.RunAsync(clusterPlan, servers, Console.Out);
    var section = new StringBuilder();
    ClusterSection.Render(section, cluster);
    var targets = new StringBuilder();
    ClusterSection.Targets(targets, cluster);
    var text = File.Exists(output) ? await File.ReadAllTextAsync(output) : "";
    await File.WriteAllTextAsync(output, ReportFile.Splice(text, ClusterSection.Heading, section.ToString(), ClusterSection.TargetPrefix, targets.ToString()));
    Console.WriteLine();
    Console.Write(section);
    Console.Write(targets);
    Console.WriteLine($"Wrote its section into {output} in {cluster.Elapsed.TotalSeconds:F0} s.");
}

// One section of the report and its targets' rows, on the console.
void PrintSection(Action<StringBuilder> render, Action<StringBuilder> targets)
{
    var md = new StringBuilder();
    render(md);
    md.Append("| target | measured | met |\n| --- | --- | :---: |\n");
    targets(md);
    Console.WriteLine();
    Console.Write(md);
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
