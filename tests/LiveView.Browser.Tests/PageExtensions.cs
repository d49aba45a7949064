using Microsoft.Playwright;

namespace LiveView.Browser.Tests;

/// <summary>Waiting on what the LiveView client shows, never on the clock.</summary>
public static class PageExtensions
{
    /// <summary>Waits until the client's connection state (<c>html[data-liveview]</c>) is <paramref name="state"/>.</summary>
    public static Task WaitForLiveViewAsync(this IPage page, string state = "connected", float timeout = 15_000) =>
        page.WaitForSelectorAsync($"html[data-liveview={state}]", new() { State = WaitForSelectorState.Attached, Timeout = timeout });

    /// <summary>Opens <paramref name="url"/> in a new page and waits until it is connected.</summary>
    public static async Task<IPage> OpenLiveAsync(this IBrowserContext context, Uri url, Action<IPage>? before = null)
    {
        var page = await context.NewPageAsync();
        before?.Invoke(page);
        await page.GotoAsync(url.ToString());
        await page.WaitForLiveViewAsync();
        return page;
    }

    /// <summary>Marks the document, to prove later that no reload happened.</summary>
    public static Task MarkDocumentAsync(this IPage page) => page.EvaluateAsync("window.__sameDocument = true");

    /// <summary>True when the document marked by <see cref="MarkDocumentAsync"/> is still the one shown.</summary>
    public static Task<bool> IsSameDocumentAsync(this IPage page) => page.EvaluateAsync<bool>("window.__sameDocument === true");
}
