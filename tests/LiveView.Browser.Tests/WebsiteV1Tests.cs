using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>The Website's view-driven pages and its blog's stream work for a Django LiveView v1 client.</summary>
public sealed class WebsiteV1Tests(Chromium chromium) : WebsiteTest(chromium)
{
    [Fact]
    public async Task The_blog_loads_more_posts_from_v1_frames()
    {
        var (page, frames) = await Context.OpenV1Async(Url("/blog"));
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(4);
        await page.ClickAsync("#load-more");
        await Expect(page.Locator("#posts li")).ToHaveCountAsync(8);
        V1Client.AssertOnlyV1Fields(frames);
    }

    [Fact]
    public async Task The_contact_form_shows_its_errors_from_v1_frames()
    {
        var (page, frames) = await Context.OpenV1Async(Url("/contact"));
        await page.FillAsync("#email", "not-an-address");
        await page.PressAsync("#email", "Tab");
        await Expect(page.Locator("#error-email")).ToHaveTextAsync("Not an email address.");
        await page.ClickAsync("#send");
        await Expect(page.Locator("#error-name")).ToHaveTextAsync("Required.");
        V1Client.AssertOnlyV1Fields(frames);
    }
}
