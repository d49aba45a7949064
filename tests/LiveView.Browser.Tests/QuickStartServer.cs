using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.Browser.Tests;

/// <summary>The QuickStart example on a real Kestrel port, which a test can stop and start again on the same port.</summary>
public sealed class QuickStartServer : IAsyncDisposable
{
    private WebApplicationFactory<Program>? factory;

    public int Port { get; private set; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public static QuickStartServer Start()
    {
        var server = new QuickStartServer();
        server.Restart();
        return server;
    }

    /// <summary>Starts the server, on the port it had before if it ran already.</summary>
    public void Restart()
    {
        factory = new WebApplicationFactory<Program>();
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
