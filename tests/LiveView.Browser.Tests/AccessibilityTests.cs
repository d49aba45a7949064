using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// Every page of the Website, audited by axe-core in Chromium: no serious or critical violation (every violation found
/// is printed in the test's output).
/// </summary>
public sealed class WebsiteAccessibilityTests(Chromium chromium, ITestOutputHelper output) : WebsiteTest(chromium)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/blog")]
    [InlineData("/blog/effects-as-data")]
    [InlineData("/contact")]
    [InlineData("/about")]
    [InlineData("/no/such/page")]
    [InlineData("/blog/no-such-post")]
    [InlineData("/blog?culture=es")]
    public async Task A_page_has_no_serious_accessibility_violation(string path) =>
        await Axe.AssertNoSeriousViolationAsync(await OpenAsync(path), output, path);

    [Fact]
    public async Task The_icon_is_an_SVG_that_loads() => await Favicon.AssertInlineSvgAsync(await OpenAsync("/"));

    [Fact]
    public async Task The_search_results_and_the_contact_forms_errors_have_none_either()
    {
        var home = await OpenAsync("/");
        await home.FillAsync("#q", "pa");
        await Expect(home.Locator("#results li")).Not.ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationAsync(home, output, "/ with search results");

        var contact = await OpenAsync("/contact");
        await contact.ClickAsync("#send");
        await Expect(contact.Locator("#error-name")).Not.ToBeEmptyAsync();
        await Axe.AssertNoSeriousViolationAsync(contact, output, "/contact with its errors");
    }

    [Fact]
    public async Task A_page_reached_by_navigation_has_none_either()
    {
        var page = await OpenAsync("/");
        await page.ClickAsync("nav a[data-page=blog]");
        await Expect(page.Locator("#liveview-announcer")).ToHaveTextAsync("Blog · LiveView Website");
        await Axe.AssertNoSeriousViolationAsync(page, output, "/blog after a navigation");
    }
}

/// <summary>The QuickStart's pages, audited by axe-core in Chromium.</summary>
public sealed class QuickStartAccessibilityTests(Chromium chromium, ITestOutputHelper output)
    : ExampleTest<QuickStart.Pages.HomeState>(chromium)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/counter")]
    public async Task A_page_has_no_serious_accessibility_violation(string path) =>
        await Axe.AssertNoSeriousViolationAsync(await OpenAsync(path), output, path);

    [Fact]
    public async Task The_icon_is_an_SVG_that_loads() => await Favicon.AssertInlineSvgAsync(await OpenAsync("/"));

    [Fact]
    public async Task The_todo_list_with_items_has_none()
    {
        var page = await OpenAsync("/todo");
        await page.FillAsync("#text", "Write the tests");
        await page.PressAsync("#text", "Enter");
        await page.FillAsync("#text", "Run them");
        await page.PressAsync("#text", "Enter");
        await page.CheckAsync("#items li:first-child input");
        await Expect(page.Locator("#left")).ToHaveTextAsync("1 item left");
        await Axe.AssertNoSeriousViolationAsync(page, output, "/todo with two items");
    }
}

/// <summary>The Chat's pages (the sign-in page, the rooms, a room with messages), audited by axe-core in Chromium.</summary>
public sealed class ChatAccessibilityTests(Chromium chromium, ITestOutputHelper output) : ChatTest(chromium)
{
    [Fact]
    public async Task The_sign_in_page_has_no_serious_accessibility_violation()
    {
        var page = await (await NewBrowserAsync()).NewPageAsync();
        await page.GotoAsync(Url("/sign-in"));
        await Axe.AssertNoSeriousViolationAsync(page, output, "/sign-in");
        await Favicon.AssertInlineSvgAsync(page);
    }

    [Fact]
    public async Task The_rooms_and_a_room_with_messages_have_none()
    {
        var rooms = await SignInAsync("ada", "/");
        await Axe.AssertNoSeriousViolationAsync(rooms, output, "/");

        var room = await SignInAsync("grace", "/rooms/lobby");
        await SayAsync(room, "Hello @ada");
        await Expect(room.Locator("#lines li")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationAsync(room, output, "/rooms/lobby");

        var notARoom = await SignInAsync("alan", "/rooms/no!");
        await Axe.AssertNoSeriousViolationAsync(notARoom, output, "/rooms/no!");
    }
}

/// <summary>The Snake's pages (a game, a watch page), audited by axe-core in Chromium.</summary>
public sealed class SnakeAccessibilityTests(Chromium chromium, ITestOutputHelper output)
    : ExampleTest<Snake.GamePage.State>(chromium, SnakeTests.Settings)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/watch/no-such-game")]
    public async Task A_page_has_no_serious_accessibility_violation(string path) =>
        await Axe.AssertNoSeriousViolationAsync(await OpenAsync(path), output, path);

    [Fact]
    public async Task The_icon_is_an_SVG_that_loads() => await Favicon.AssertInlineSvgAsync(await OpenAsync("/"));
}
