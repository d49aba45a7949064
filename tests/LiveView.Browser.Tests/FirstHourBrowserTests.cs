using System.Collections.Immutable;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LiveView.Browser.Tests;

/// <summary>
/// A new user's first page in Chromium: mapped without a layout, it works; a malformed <c>data-action</c> says so; in
/// Development a failing handler's toast names the exception; the latency simulator shows loading states; and
/// <c>data-throttle</c> sends the first event at once and the last at the end of its interval.
/// </summary>
public sealed class FirstHourBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    /// <summary>A first page: a counter, a failing button, a malformed one, and a throttled field that logs what it sends.</summary>
    private static readonly Page<ImmutableList<string>> First =
        LivePage.Create("first", initial: ImmutableList<string>.Empty, view: View)
            .WithTitle("First")
            .On("increment", (log, _) => log.Add("+"))
            .On("explode", (_, _) => throw new InvalidOperationException("the database is away"))
            .On("typed", (log, ctx) => log.Add("typed " + ctx.Form("text")));

    private static XmlNode View(ImmutableList<string> log) =>
        H.Div(
            H.Button("+").Id("increment").Action("click->first#increment"),
            H.Output(log.Count(line => line == "+").ToString(System.Globalization.CultureInfo.InvariantCulture)).Id("count"),
            H.Button("Explode").Id("explode").Action("click->first#explode"),
            H.Button("Malformed").Id("malformed").Action("click-first#increment"),
            H.Input().Id("text").Name("text").Action("input->first#typed").Data("throttle", "1000"),
            H.Ol([.. log.Where(line => line != "+").Select(line => H.Li(line))]).Id("log"));

    private WebApplication app = null!;
    private Uri address = null!;
    private IBrowserContext context = null!;

    public async Task InitializeAsync()
    {
        (app, address) = await LabServer.StartAsync(
            services => services.AddLiveView().AddPage(First),
            app => app.MapLivePage("/first", First), // no layout: the standard one
            environment: "Development");
        context = await chromium.Browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        await context.CloseAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Task<IPage> OpenAsync() => context.OpenLiveAsync(new Uri(address, "/first"));

    [Fact]
    public async Task A_page_mapped_without_a_layout_works_and_asks_for_nothing_the_server_lacks()
    {
        // What the browser asked for and did not get (a favicon the layout does not declare, say), and its errors.
        var failed = new List<string>();
        var page = await context.OpenLiveAsync(new Uri(address, "/first"), opened =>
        {
            opened.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    failed.Add($"{response.Status} {response.Url}");
                }
            };
            opened.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    failed.Add(message.Text);
                }
            };
        });

        Assert.Equal("First", await page.TitleAsync());
        await page.ClickAsync("#increment");
        await page.WaitForSelectorAsync("#count:text-is('1')");
        Assert.True(await page.IsHiddenAsync("#no_connection"));
        Assert.True(await page.IsHiddenAsync("#loading"));
        Assert.Empty(failed);
    }

    [Fact]
    public async Task A_malformed_data_action_is_reported_in_the_console_and_as_a_liveview_error_event_and_sends_nothing()
    {
        var page = await OpenAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        await page.EvaluateAsync("""
            document.addEventListener("liveview:error", (event) => {
              window.__malformed = { code: event.detail.error.code, message: event.detail.error.message, attribute: event.detail.attribute, id: event.detail.element.id };
            })
            """);
        await page.ClickAsync("#malformed");
        await page.WaitForFunctionAsync("window.__malformed !== undefined");
        var detail = await page.EvaluateAsync<Dictionary<string, string>>("window.__malformed");
        Assert.Equal("malformed_action", detail["code"]);
        Assert.Equal("click-first#increment", detail["attribute"]);
        Assert.Equal("malformed", detail["id"]);
        Assert.Contains("malformed data-action \"click-first#increment\"", detail["message"]);
        Assert.Contains("write \"click->first#increment\"", detail["message"]);
        Assert.Contains(console, line => line.Contains("malformed data-action \"click-first#increment\"", StringComparison.Ordinal));

        // Nothing was sent: the next click is the first the server counts, and no error toast came.
        await page.ClickAsync("#increment");
        await page.WaitForSelectorAsync("#count:text-is('1')");
        Assert.Equal(0, await page.Locator(".notification--error").CountAsync());
    }

    [Fact]
    public async Task In_Development_a_failing_handler_s_toast_names_the_exception_and_the_handler()
    {
        var page = await OpenAsync();
        await page.ClickAsync("#explode");
        var toast = await page.WaitForSelectorAsync(".notification--error");
        var text = await toast!.TextContentAsync();
        Assert.Contains("first->explode", text);
        Assert.Contains("System.InvalidOperationException: the database is away", text);
    }

    [Fact]
    public async Task The_latency_simulator_delays_frames_for_the_tab_s_session_and_shows_the_loading_indicator()
    {
        var page = await OpenAsync();
        await page.EvaluateAsync("LiveView.enableLatencySim(700)");
        await page.ClickAsync("#increment");
        // 700 ms each way is longer than the loading delay (200 ms): the indicator shows before the answer comes.
        await page.WaitForSelectorAsync("#loading", new() { State = WaitForSelectorState.Visible });
        await page.WaitForSelectorAsync("#count:text-is('1')");
        await page.WaitForSelectorAsync("#loading", new() { State = WaitForSelectorState.Hidden });

        // Kept across a reload (the tab's session), until switched off.
        await page.ReloadAsync();
        await page.WaitForLiveViewAsync();
        Assert.Equal("700", await page.EvaluateAsync<string>("sessionStorage.getItem('liveview-latency-sim')"));
        await page.EvaluateAsync("LiveView.disableLatencySim()");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('liveview-latency-sim')"));
    }

    [Fact]
    public async Task Data_throttle_sends_the_first_event_at_once_and_the_last_at_the_end_of_the_interval()
    {
        var page = await OpenAsync();
        await page.Locator("#text").PressSequentiallyAsync("abcd"); // four input events within the 1 s interval
        await page.WaitForSelectorAsync("#log li:nth-child(2)");
        var sent = await page.Locator("#log li").AllTextContentsAsync();
        Assert.Equal(["typed a", "typed abcd"], sent);
    }
}
