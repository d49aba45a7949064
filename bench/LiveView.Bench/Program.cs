using LiveView.Bench;
using LiveView.Bench.Hostile;
using LiveView.Bench.Report;
using LiveView.Bench.Servers;

// ./build.sh bench [--quick] publishes the servers and runs this; see docs/benchmarks.md for the output.
// ./build.sh bench --hostile [--smoke] runs the hostile-load probe against the Website instead; see docs/hostile-load.md.
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

var servers = ServerBinaries.Published(serversRoot);
var output = Option("--out") ?? Path.Combine("docs", "benchmarks.md");

Console.WriteLine($"Benchmark ({plan.Name}) against the servers in {Path.GetDirectoryName(servers.Echo)}/..");
var results = await BenchmarkRun.RunAsync(plan, servers, Console.Out);
await File.WriteAllTextAsync(output, MarkdownReport.Render(results));
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

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
