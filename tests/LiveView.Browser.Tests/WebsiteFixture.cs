using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Website.Data;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Website example on its own SQLite file, and a browser context, fresh for each test; <paramref name="settings"/>
/// add to its configuration.
/// </summary>
public abstract class WebsiteTest(Chromium chromium, IReadOnlyDictionary<string, string>? settings = null)
    : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"liveview-website-{Guid.NewGuid():N}.db");

    protected ExampleServer<SiteDb> Server { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var configuration = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings:Site"] = $"Data Source={database}",
        };
        Server = ExampleServer<SiteDb>.Start(configuration);
        Context = await chromium.Browser.NewContextAsync(new() { Locale = "en-US" });
        Context.SetDefaultTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        await Context.CloseAsync();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(database);
    }

    protected Uri Url(string path) => new(Server.Address, path);

    protected Task<IPage> OpenAsync(string path, Action<IPage>? before = null) => Context.OpenLiveAsync(Url(path), before);

    /// <summary>Runs <paramref name="query"/> against the site's database, in a scope of its own.</summary>
    protected async Task<T> QueryAsync<T>(Func<SiteDb, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SiteDb>());
    }
}
