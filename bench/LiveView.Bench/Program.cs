using LiveView.Bench;
using LiveView.Bench.Report;
using LiveView.Bench.Servers;

// ./build.sh bench [--quick] publishes the servers and runs this; see docs/benchmarks.md for the output.
var plan = args.Contains("--quick") ? Plan.Quick : args.Contains("--smoke") ? Plan.Smoke : Plan.Full;
if (args.Contains("--no-browser"))
{
    plan = plan with { Browser = false };
}

var servers = ServerBinaries.Published(Option("--servers") ?? Path.Combine("bench", ".out"));
var output = Option("--out") ?? Path.Combine("docs", "benchmarks.md");

Console.WriteLine($"Benchmark ({plan.Name}) against the servers in {Path.GetDirectoryName(servers.Echo)}/..");
var results = await BenchmarkRun.RunAsync(plan, servers, Console.Out);
await File.WriteAllTextAsync(output, MarkdownReport.Render(results));
Console.WriteLine($"Wrote {output} in {results.Elapsed.TotalSeconds:F0} s.");

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
