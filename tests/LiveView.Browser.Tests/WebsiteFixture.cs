using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Website.Data;

namespace LiveView.Browser.Tests;

/// <summary>
/// The Website example on its own SQLite file, fresh for each test; <paramref name="settings"/> add to its
/// configuration. Tests that speak the wire protocol over a raw socket need no more.
/// </summary>
public abstract class WebsiteServerTest(IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"liveview-website-{Guid.NewGuid():N}.db");

    protected ExampleServer<SiteDb> Server { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        var configuration = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings:Site"] = $"Data Source={database}",
        };
        Server = ExampleServer<SiteDb>.Start(configuration);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(database);
    }

    protected Uri Url(string path) => new(Server.Address, path);

    /// <summary>Runs <paramref name="query"/> against the site's database, in a scope of its own.</summary>
    protected async Task<T> QueryAsync<T>(Func<SiteDb, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SiteDb>());
    }
}

/// <summary>The Website example as <see cref="WebsiteServerTest"/>, and a browser context, fresh for each test.</summary>
public abstract class WebsiteTest(Chromium chromium, IReadOnlyDictionary<string, string>? settings = null)
    : WebsiteServerTest(settings), IClassFixture<Chromium>
{
    protected IBrowserContext Context { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Context = await chromium.Browser.NewContextAsync(new() { Locale = "en-US" });
        Context.SetDefaultTimeout(15_000);
    }

    public override async Task DisposeAsync()
    {
        await Context.CloseAsync();
        await base.DisposeAsync();
    }

    protected Task<IPage> OpenAsync(string path, Action<IPage>? before = null) => Context.OpenLiveAsync(Url(path), before);
}
