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
        await Expect(page.Locator("#notifications .notification--error")).ToHaveTextAsync("There is no page named 'about'.");
        await Expect(page).ToHaveURLAsync(new Uri(lab.Address, "/lab").ToString());
    }

    [Fact]
    public async Task Loading_shows_for_a_slow_action_and_hides_when_it_is_done()
    {
        var loading = page.Locator("#loading");
        await page.ClickAsync("#slow");
        await Expect(loading).ToBeVisibleAsync();
        await Expect(page.Locator("#log")).ToHaveTextAsync("slow done");
        await Expect(loading).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Loading_hides_after_a_failing_action_and_the_error_shows()
    {
        var loading = page.Locator("#loading");
        await page.ClickAsync("#slow-fail");
        await Expect(loading).ToBeVisibleAsync();
        await Expect(page.Locator("#notifications .notification--error")).ToContainTextAsync("explode");
        await Expect(loading).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_fast_action_never_shows_loading()
    {
        await page.EvaluateAsync("""
            window.__loadingSeen = false;
            new MutationObserver(() => { if (!document.querySelector('#loading').hidden) window.__loadingSeen = true; })
              .observe(document.querySelector('#loading'), { attributes: true });
            """);
        await page.ClickAsync("#append");
        await Expect(page.Locator("#list li")).ToHaveCountAsync(2);
        await page.WaitForTimeoutAsync(700); // longer than the lab's 500 ms delay: had it started, it would show by now
        Assert.False(await page.EvaluateAsync<bool>("window.__loadingSeen"));
    }

    [Fact]
    public async Task A_notification_shows_and_dismisses_itself()
    {
        await page.ClickAsync("#toast");
        var toast = page.Locator("#notifications .notification--success");
        await Expect(toast).ToHaveTextAsync("Hello");
        await Expect(toast).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Every_kind_of_field_round_trips()
    {
        await page.CheckAsync("#fields input[name=c][value=c]");
        await page.SelectOptionAsync("#fields select[name=s]", "2");
        await page.SelectOptionAsync("#fields select[name=m]", new[] { "red", "blue" });
        await page.FillAsync("#fields textarea[name=t]", "line one\nline \"two\" <b>");
        await page.CheckAsync("#fields input[name=r][value=y]");
        await page.FillAsync("#fields input[name=n]", "-3.5");
        await page.PressAsync("#fields input[name=n]", "Tab");
        await Expect(page.Locator("#log")).ToHaveTextAsync("c=a,c;m=red,blue;n=-3.5;r=y;s=2;t=line one\nline \"two\" <b>");
    }

    [Fact]
    public async Task Debounce_sends_once_after_typing_stops()
    {
        // Five input events in one task: all fall inside the 200 ms window however slow the machine is
        // (typing with key delays let a loaded CI runner open a gap longer than the window).
        await page.EvaluateAsync("""
            () => {
              const input = document.querySelector('#typed-input');
              for (const ch of 'hello') {
                input.value += ch;
                input.dispatchEvent(new Event('input', { bubbles: true }));
              }
            }
            """);
        await Expect(page.Locator("#typed")).ToHaveTextAsync("1:hello");
        await page.WaitForTimeoutAsync(400);
        await Expect(page.Locator("#typed")).ToHaveTextAsync("1:hello"); // one action for five keystrokes
    }

    [Fact]
    public async Task A_link_to_a_page_that_needs_a_sign_in_goes_to_the_login_page_and_back_after_it()
    {
        await page.ClickAsync("#secret-link");
        await Expect(page).ToHaveURLAsync(new Uri(lab.Address, "/login?ReturnUrl=%2Fsecret").ToString());

        await page.ClickAsync("#sign-in");
        await Expect(page).ToHaveURLAsync(new Uri(lab.Address, "/secret").ToString());
        await page.WaitForLiveViewAsync();
        await page.ClickAsync("#peek");
        await Expect(page.Locator("#peeks")).ToHaveTextAsync("1");
    }
}
