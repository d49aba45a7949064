using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>What the browser client does with each kind of event and patch, in a real Chromium.</summary>
public sealed class ClientTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private ClientLab lab = null!;
    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        lab = await ClientLab.StartAsync();
        context = await chromium.Browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(lab.Address, "/lab").ToString());
        await page.WaitForSelectorAsync("html[data-liveview=connected]", new() { State = WaitForSelectorState.Attached });
    }

    public async Task DisposeAsync()
    {
        await context.CloseAsync();
        await lab.DisposeAsync();
    }

    [Fact]
    public async Task Append_adds_to_the_content()
    {
        await page.ClickAsync("#append");
        await Expect(page.Locator("#list li")).ToHaveTextAsync(["first", "second"]);
    }

    [Fact]
    public async Task Remove_removes_the_element()
    {
        await page.ClickAsync("#remove");
        await Expect(page.Locator("#gone")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Url_and_title_change_without_a_reload()
    {
        await page.EvaluateAsync("window.__sameDocument = true");
        await page.ClickAsync("#navigate");
        await Expect(page.Locator("#log")).ToHaveTextAsync("navigated");
        await Expect(page).ToHaveURLAsync(new Uri(lab.Address, "/lab/next").ToString());
        await Expect(page).ToHaveTitleAsync("Next");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"));
    }

    [Fact]
    public async Task Scripts_in_received_html_run_once()
    {
        await page.ClickAsync("#script");
        await Expect(page.Locator("#log span")).ToHaveTextAsync("scripted");
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__ran"));
    }

    [Fact]
    public async Task Data_attributes_arrive_camel_cased()
    {
        await page.ClickAsync("#data");
        await Expect(page.Locator("#log")).ToHaveTextAsync("data:42");
    }

    [Fact]
    public async Task Page_run_sends_the_form_fields_and_lang_and_does_not_submit()
    {
        await page.EvaluateAsync("window.__sameDocument = true");
        await page.FillAsync("input[name=title]", "Hello, world");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#log")).ToHaveTextAsync("Hello, world|a,b|M|some text|en");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"));
    }

    [Fact]
    public async Task A_key_filter_sends_on_that_key_only()
    {
        await page.FillAsync("#search", "cats");
        await page.PressAsync("#search", "a");
        await page.PressAsync("#search", "Enter");
        await Expect(page.Locator("#log")).ToHaveTextAsync("search:catsa");
    }

    [Fact]
    public async Task Change_page_sends_send_page_and_reports_the_servers_error_without_navigating()
    {
        var error = page.EvaluateAsync<string>(
            "new Promise(resolve => document.addEventListener('liveview:error', " +
            "e => resolve(e.detail.action + ' ' + e.detail.error.code), { once: true }))");

        await page.ClickAsync("#about");

        Assert.Equal("about->send_page unknown_page", await error);
        await Expect(page).ToHaveURLAsync(new Uri(lab.Address, "/lab").ToString());
    }
}
