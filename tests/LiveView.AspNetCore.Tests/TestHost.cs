using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuickStart.Counter;
using QuickStart.Pages;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// A real Kestrel server on a free loopback port, with the QuickStart's pages and the test pages registered.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, Uri address, TestLogs logs)
    {
        App = app;
        Address = address;
        Logs = logs;
    }

    public WebApplication App { get; }

    /// <summary>The server's base address, e.g. http://127.0.0.1:43123/ or http://[::1]:43123/.</summary>
    public Uri Address { get; }

    /// <summary>Everything the server logged.</summary>
    public TestLogs Logs { get; }

    /// <summary>The server's clock: its readings count the inputs connections have stepped.</summary>
    public CountingClock Clock => (CountingClock)App.Services.GetRequiredService<TimeProvider>();

    /// <summary>What the test pages' effects stored.</summary>
    public Store Store => App.Services.GetRequiredService<Store>();

    /// <summary>The gates the test pages' effects wait at.</summary>
    public Gates Gates => App.Services.GetRequiredService<Gates>();

    public Uri SocketUri(string query = "?protocol=2") =>
        new($"ws://{Address.Authority}{LiveView.Protocol.DefaultSocketPath}{query}");

    /// <summary>
    /// Starts a server listening on <paramref name="url"/> (port 0: a free one). <paramref name="pages"/> registers
    /// more pages, <paramref name="map"/> maps more endpoints, <paramref name="socket"/> adds conventions to the socket's,
    /// <paramref name="keys"/> is the folder of a Data Protection key ring shared with other hosts (none: keys in memory),
    /// <paramref name="environment"/> the host's environment (none: as the process's variables say, Production).
    /// </summary>
    public static async Task<TestHost> StartAsync(
        Action<LiveViewOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string url = "http://127.0.0.1:0",
        Action<ILiveViewBuilder>? pages = null,
        Action<WebApplication>? map = null,
        Action<IEndpointConventionBuilder>? socket = null,
        DirectoryInfo? keys = null,
        string? environment = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseKestrel().UseUrls(url);
        var logs = new TestLogs();
        // The host's own Debug entries too, whatever the appsettings.json next to the tests says.
        builder.Logging.ClearProviders().AddProvider(logs).AddFilter<TestLogs>("LiveView", LogLevel.Debug);
        builder.Services.AddScoped<Greeter>();
        builder.Services.AddSingleton<Gates>();
        builder.Services.AddSingleton<Store>();
        builder.Services.AddSingleton<TimeProvider, CountingClock>();
        // Keys in memory, the host's own, unless a test shares a key ring between hosts (a folder, as two nodes would).
        var protection = builder.Services.AddDataProtection().SetApplicationName("LiveView.Tests");
        if (keys is null)
        {
            protection.UseEphemeralDataProtectionProvider();
        }
        else
        {
            protection.PersistKeysToFileSystem(keys);
        }

        services?.Invoke(builder.Services);
        var live = builder.Services.AddLiveView(configure);
        pages?.Invoke(live);
        live.AddPage(Home.Page)
            .AddPage(CounterPage.page)
            .AddPage(TestPages.Faulty)
            .AddPage(TestPages.Effects)
            .AddPage(TestPages.Patches)
            .AddPage(TestPages.BrokenMount)
            .AddPage(TestPages.Article)
            .AddPage(TestPages.Search)
            .AddPage(TestPages.Storing)
            .AddPage(TestPages.Feed)
            .AddPage(TestPages.Todo)
            .AddPage(TestPages.Dice)
            .AddPage(TestPages.Log)
            .AddPage(RealTimePages.Room)
            .AddPage(RealTimePages.Watcher);

        var app = builder.Build();
        var liveView = app.MapLiveView();
        socket?.Invoke(liveView);
        app.MapLivePage("/", Home.Page, Layout.Base);
        app.MapLivePage("/counter", CounterPage.page, Layout.Base);
        app.MapLivePage("/articles/{slug}", TestPages.Article, TestPages.Layout);
        app.MapLivePage("/search", TestPages.Search, TestPages.Layout);
        app.MapLivePage("/dice", TestPages.Dice, TestPages.Layout);
        app.MapLivePage("/todo", TestPages.Todo, TestPages.Layout);
        app.MapLivePage("/log", TestPages.Log, TestPages.Layout);
        map?.Invoke(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new TestHost(app, new Uri(address + "/"), logs);
    }

    /// <summary>
    /// Opens a socket as our own client would (protocol 2), or as a Django LiveView v1 client, with the
    /// <paramref name="cookies"/> of a signed-in browser when given.
    /// </summary>
    public async Task<LiveSocket> ConnectAsync(string query = "?protocol=2", string? origin = null, System.Net.CookieContainer? cookies = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        await socket.ConnectAsync(SocketUri(query), CancellationToken.None);
        return new LiveSocket(socket);
    }

    /// <summary>Tries to open a socket and returns the HTTP status of the handshake.</summary>
    public async Task<HttpStatusCode> HandshakeStatusAsync(string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await socket.ConnectAsync(SocketUri(), CancellationToken.None);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The status code tells what happened.
        }

        return socket.HttpStatusCode;
    }

    public HttpClient Http() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
