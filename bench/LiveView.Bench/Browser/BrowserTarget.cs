namespace LiveView.Bench.Browser;

/// <summary>How to drive one framework's page in the browser: where it is, when it is live, what to click.</summary>
/// <param name="Name">The framework, for the report.</param>
/// <param name="Path">The page with a counter.</param>
/// <param name="ReadySelector">Present once the page is live (socket or circuit connected).</param>
/// <param name="Button">The counter's increment button.</param>
/// <param name="Output">The element whose content each click changes.</param>
public sealed record BrowserTarget(string Name, string Path, string ReadySelector, string Button, string Output)
{
    public static readonly BrowserTarget LiveView =
        new("LiveView", "/counter", "html[data-liveview=connected]", "#increment", "#count");

    public static readonly BrowserTarget Blazor =
        new("Blazor Server", "/", "#interactive", "#increment", "#count");
}
