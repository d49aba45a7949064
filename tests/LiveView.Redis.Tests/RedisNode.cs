using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace LiveView.Redis.Tests;

/// <summary>
/// One node of the application: a real Kestrel server on a free loopback port with the test pages, on the Redis
/// backplane with its own multiplexer and node id, and the <c>liveview-redis</c> health check at <c>/health</c>.
/// </summary>
public sealed class RedisNode(WebApplication app, Uri address, TestLogs logs) : IAsyncDisposable
{
    private bool stopped;

    public WebApplication App { get; } = app;

    public Uri Address { get; } = address;

    public TestLogs Logs { get; } = logs;

    public IPubSub PubSub => App.Services.GetRequiredService<IPubSub>();

    public IPresence Presence => App.Services.GetRequiredService<IPresence>();

    public ILiveHub Hub => App.Services.GetRequiredService<ILiveHub>();

    internal RedisConnection Connection => App.Services.GetRequiredService<RedisConnection>();

    /// <summary>This node's id.</summary>
    public string Id => Connection.Node;

    /// <summary>
    /// Starts a node on <paramref name="redis"/>; <paramref name="configure"/> changes the backplane's settings. Waits
    /// until the node reaches Redis unless <paramref name="connected"/> is false.
    /// </summary>
    public static async Task<RedisNode> StartAsync(string redis, Action<LiveViewRedisOptions>? configure = null, bool connected = true)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var logs = new TestLogs();
        builder.Logging.ClearProviders().AddProvider(logs).AddFilter<TestLogs>("LiveView", LogLevel.Debug);
        builder.Services.AddHealthChecks().AddLiveViewRedis();
        builder.Services.AddLiveView()
            .AddPage(RealTimePages.Room)
            .AddPage(RealTimePages.Watcher)
            .AddPage(MessagePages.Counter)
            .AddRedis(options =>
            {
                options.ConnectionString = redis;
                configure?.Invoke(options);
            });

        var app = builder.Build();
        app.MapLiveView();
        app.MapHealthChecks("/health");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var node = new RedisNode(app, new Uri(address + "/"), logs);
        if (connected)
        {
            await Eventually.TrueAsync(() => node.Connection.IsConnected, "the node reaches Redis");
        }

        return node;
    }

    /// <summary>Waits until Redis delivers <paramref name="audience"/>'s messages to this node.</summary>
    public Task UntilListeningAsync(Audience audience)
    {
        var channels = App.Services.GetRequiredService<RedisChannels>();
        var channel = App.Services.GetRequiredService<AudienceChannels>().Of(audience);
        return Eventually.TrueAsync(() => channels.IsListening(channel), $"the node listens to {audience}");
    }

    /// <summary>Subscribes <paramref name="inbox"/> to <paramref name="audience"/> and waits until Redis delivers it here.</summary>
    public async Task<IDisposable> SubscribeAsync(Audience audience, Inbox inbox)
    {
        var subscription = PubSub.Subscribe(audience, inbox);
        await UntilListeningAsync(audience);
        return subscription;
    }

    /// <summary>The keys present in <paramref name="topic"/>, in the order of this node's list.</summary>
    public string[] Keys(string topic) => [.. Presence.List(topic).Select(p => p.Key)];

    public Task<HealthReport> HealthAsync() => App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    /// <summary>Opens a socket to this node as our client does.</summary>
    public async Task<LiveSocket> ConnectAsync()
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{Address.Authority}{LiveView.Protocol.DefaultSocketPath}?protocol=2"), CancellationToken.None);
        return new LiveSocket(socket);
    }

    /// <summary>The node dies: no goodbye, no more heartbeats, its connection to Redis dropped without cleanup.</summary>
    public void Die() => Connection.Abandon();

    /// <summary>Stops the node cleanly.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await App.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await App.DisposeAsync();
    }
}
