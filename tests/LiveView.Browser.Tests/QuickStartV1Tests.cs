using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>The QuickStart's pages, driven by their views, work for a Django LiveView v1 client.</summary>
public sealed partial class QuickStartV1Tests(Chromium chromium) : ExampleTest<QuickStart.Pages.HomeState>(chromium)
{
    [GeneratedRegex("^(10|[0-9])$")]
    private static partial Regex ZeroToTen();

    [Fact]
    public async Task The_random_number_shows_from_v1_frames()
    {
        var (page, frames) = await Context.OpenV1Async(new Uri(Server.Address, "/"));
        await page.ClickAsync("text=Random number");
        await Expect(page.Locator("#output-random-number")).ToHaveTextAsync(ZeroToTen());
        V1Client.AssertOnlyV1Fields(frames);
    }

    [Fact]
    public async Task The_FSharp_counter_counts_from_v1_frames()
    {
        var (page, frames) = await Context.OpenV1Async(new Uri(Server.Address, "/counter"));
        for (var i = 1; i <= 3; i++)
        {
            await page.ClickAsync("#increment");
            await Expect(page.Locator("#count")).ToHaveTextAsync(i.ToString());
        }

        await page.ClickAsync("#reset");
        await Expect(page.Locator("#count")).ToHaveTextAsync("0");
        Assert.StartsWith("Counter: 0", await page.TitleAsync());
        V1Client.AssertOnlyV1Fields(frames);
    }
}
