using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.Browser.Tests;

/// <summary>
/// An example app (the one whose assembly holds <typeparamref name="TEntryPoint"/>) on a real Kestrel port, which a
/// test can stop and start again on the same port. <paramref name="settings"/> override its configuration.
/// </summary>
public sealed class ExampleServer<TEntryPoint>(IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
    where TEntryPoint : class
{
    private WebApplicationFactory<TEntryPoint>? factory;

    public int Port { get; private set; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>The running app's services.</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The server is stopped.");

    public static ExampleServer<TEntryPoint> Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new ExampleServer<TEntryPoint>(settings);
        server.Restart();
        return server;
    }

    /// <summary>Starts the server, on the port it had before if it ran already.</summary>
    public void Restart()
    {
        factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        });
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, Port));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Port = new Uri(address).Port;
    }

    public async Task StopAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
            factory = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
