using Microsoft.Playwright;

namespace LiveView.Browser.Tests;

/// <summary>The examples' icons: an SVG in a data URL in the layout, which Chromium can draw.</summary>
public static class Favicon
{
    /// <summary>
    /// Asserts that <paramref name="page"/> names its icon as an SVG data URL (no request for it, no
    /// <c>/favicon.ico</c> asked for) and that the image loads.
    /// </summary>
    public static async Task AssertInlineSvgAsync(IPage page)
    {
        var href = await page.GetAttributeAsync("link[rel=icon]", "href");
        Assert.StartsWith("data:image/svg+xml,", href);
        var width = await page.EvaluateAsync<int>(
            """
            href => new Promise(done => {
              const image = new Image();
              image.onload = () => done(image.naturalWidth);
              image.onerror = () => done(0);
              image.src = href;
            })
            """,
            href);
        Assert.True(width > 0, $"the icon does not load: {href}");
    }
}
