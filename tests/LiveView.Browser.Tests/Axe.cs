using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveView.Browser.Tests;

/// <summary>One rule an axe-core audit found broken: its id, how bad (minor, moderate, serious, critical), and where.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    /// <summary>True for the violations the audit fails on: serious and critical.</summary>
    public bool Blocks => Impact is "serious" or "critical";

    public override string ToString() => $"{Impact} {Id}: {Help} ({string.Join(", ", Targets)})";
}

/// <summary>
/// The axe-core accessibility audit (WCAG 2.x A and AA, and axe's best practices) run inside a page: the script comes
/// from npm (tests/LiveView.Browser.Tests/axe, installed by <c>./build.sh test</c> with <c>npm ci</c>).
/// </summary>
public static class Axe
{
    private static readonly string Script = Path.Combine(Repository.Root, "tests", "LiveView.Browser.Tests", "axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>
    /// Audits what <paramref name="page"/> shows now, prints every violation (minor ones too) under
    /// <paramref name="name"/>, and fails the test on any serious or critical one.
    /// </summary>
    public static async Task AssertNoSeriousViolationAsync(IPage page, ITestOutputHelper output, string name)
    {
        var violations = await AuditAsync(page);
        output.WriteLine($"axe-core on {name}: {violations.Count} violation(s), {violations.Count(v => v.Blocks)} serious or critical");
        foreach (var violation in violations)
        {
            output.WriteLine("  " + violation);
        }

        Assert.True(!violations.Any(v => v.Blocks), $"{name}: {string.Join("; ", violations.Where(v => v.Blocks))}");
    }

    /// <summary>Every violation axe-core finds in what <paramref name="page"/> shows now.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> AuditAsync(IPage page)
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException(
                $"axe-core is not installed at {Script}: run ./build.sh test, or 'npm ci' in tests/LiveView.Browser.Tests/axe.");
        }

        if (!await page.EvaluateAsync<bool>("typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Path = Script });
        }

        var found = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ["violations"] })).violations.map(v => ({
              id: v.id, impact: v.impact || "", help: v.help, targets: v.nodes.map(n => n.target.join(" "))
            }))
            """);
        return [.. found.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString() ?? "",
            v.GetProperty("impact").GetString() ?? "",
            v.GetProperty("help").GetString() ?? "",
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString() ?? "")]))];
    }
}
