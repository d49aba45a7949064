using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>A stream in Chromium: items the server sends once, appended, prepended, updated, deleted and pruned.</summary>
public sealed class StreamClientTests(Chromium chromium) : LabPageTests(chromium)
{
    private IPage page = null!;

    private Task ExpectItemsAsync(params string[] texts) => Expect(page.Locator("#feed > li")).ToHaveTextAsync(texts);

    [Fact]
    public async Task A_stream_appends_prepends_updates_deletes_prunes_and_resets()
    {
        page = await OpenLabAsync("/feed");
        await ExpectItemsAsync("start"); // the mount's item, in the first paint
        await page.ClickAsync("#add");
        await page.ClickAsync("#add");
        await ExpectItemsAsync("start", "item 1", "item 2");
        await page.ClickAsync("#prepend");
        await ExpectItemsAsync("item 3", "start", "item 1", "item 2");
        await page.ClickAsync("#update");
        await ExpectItemsAsync("item 3", "start", "item 1, edited", "item 2");
        await Expect(page.Locator("#item-1")).ToHaveClassAsync("edited");
        await page.ClickAsync("#delete");
        await ExpectItemsAsync("item 3", "item 1, edited", "item 2");
        await page.ClickAsync("#prune");
        await ExpectItemsAsync("item 2", "item 4");
        await Expect(page.Locator("#n")).ToHaveTextAsync("4"); // the view's changes beside the stream's
        await page.ClickAsync("#reset");
        await Expect(page.Locator("#feed > li")).ToHaveCountAsync(0);
        await page.ClickAsync("#add");
        await ExpectItemsAsync("item 1");
    }
}
