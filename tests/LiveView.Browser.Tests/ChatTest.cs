using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Chat example (<see cref="ChatServer"/>, fresh for each test) and browsers of its own, one per user: signing in
/// and writing in a room, as a person does.
/// </summary>
public abstract class ChatTest(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly List<IBrowserContext> browsers = [];

    protected ChatServer Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new ChatServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var browser in browsers)
        {
            await browser.CloseAsync();
        }

        await Server.DisposeAsync();
    }

    /// <summary>Starts the server again, on a new database, with <paramref name="settings"/> added to its configuration.</summary>
    protected async Task RestartServerAsync(IReadOnlyDictionary<string, string> settings)
    {
        await Server.DisposeAsync();
        Server = new ChatServer(settings);
    }

    protected string Url(string path) => Server.Url(path).ToString();

    /// <summary>A browser of its own (its own cookies): one user.</summary>
    protected async Task<IBrowserContext> NewBrowserAsync()
    {
        var browser = await chromium.Browser.NewContextAsync(new() { Locale = "en-US" });
        browser.SetDefaultTimeout(15_000);
        browsers.Add(browser);
        return browser;
    }

    /// <summary>Opens <paramref name="path"/> in a new browser, signs in as <paramref name="name"/> and waits for the live page.</summary>
    protected async Task<IPage> SignInAsync(string name, string path) => await SignInAsync(await NewBrowserAsync(), name, path);

    /// <summary>
    /// Opens <paramref name="path"/> in a new page of <paramref name="browser"/> (<paramref name="before"/> sees the
    /// page first), signs in as <paramref name="name"/> and waits for the live page.
    /// </summary>
    protected async Task<IPage> SignInAsync(IBrowserContext browser, string name, string path, Action<IPage>? before = null)
    {
        var page = await browser.NewPageAsync();
        before?.Invoke(page);
        await page.GotoAsync(Url(path));
        await page.FillAsync("#name", name);
        await page.ClickAsync("#sign-in");
        // Not WaitForURLAsync(..., Commit): when the redirect has committed already, it waits for a load state that came.
        await Expect(page).ToHaveURLAsync(Url(path), new() { Timeout = 15_000 });
        await page.WaitForLiveViewAsync();
        return page;
    }

    protected static async Task SayAsync(IPage page, string text)
    {
        await page.FillAsync("#text", text);
        await page.ClickAsync("#send");
    }
}
