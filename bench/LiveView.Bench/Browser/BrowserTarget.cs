namespace LiveView.Bench.Browser;

/// <summary>How to drive one framework's page in the browser: where it is, when it is live, what to click.</summary>
/// <param name="Name">The framework, for the report.</param>
/// <param name="Path">The page.</param>
/// <param name="ReadySelector">Present once the page is live (socket or circuit connected).</param>
/// <param name="Button">The button each click presses.</param>
/// <param name="Output">The element whose content each click changes, watched (with all it holds) for the change.</param>
public sealed record BrowserTarget(string Name, string Path, string ReadySelector, string Button, string Output)
{
    /// <summary>The QuickStart's counter on the LiveView bench server.</summary>
    public static readonly BrowserTarget LiveView =
        new("LiveView", "/counter", "html[data-liveview=connected]", "#increment", "#count");

    /// <summary>Blazor's counter.</summary>
    public static readonly BrowserTarget Blazor =
        new("Blazor Server", "/", "#interactive", "#increment", "#count");

    /// <summary>
    /// The same framework's 300-row table at <paramref name="path"/>: <c>#rename</c> renames one row per click, and the
    /// whole table (<c>#people</c>) is watched for the change.
    /// </summary>
    public BrowserTarget Table(string path = "/table", string? name = null) =>
        this with { Name = name ?? Name, Path = path, Button = "#rename", Output = "#people" };
}
