using Microsoft.Playwright;

namespace LiveView.Browser.Tests;

/// <summary>
/// An example app (the one whose assembly holds <typeparamref name="TEntryPoint"/>) on a real port with
/// <paramref name="settings"/>, and a browser context, fresh for each test.
/// </summary>
public abstract class ExampleTest<TEntryPoint>(Chromium chromium, IReadOnlyDictionary<string, string>? settings = null)
    : IClassFixture<Chromium>, IAsyncLifetime
    where TEntryPoint : class
{
    protected ExampleServer<TEntryPoint> Server { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = ExampleServer<TEntryPoint>.Start(settings);
        Context = await chromium.Browser.NewContextAsync();
        Context.SetDefaultTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        await Context.CloseAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Opens <paramref name="path"/> of the app in a new page and waits until it is connected.</summary>
    protected Task<IPage> OpenAsync(string path, Action<IPage>? before = null) =>
        Context.OpenLiveAsync(new Uri(Server.Address, path), before);
}
