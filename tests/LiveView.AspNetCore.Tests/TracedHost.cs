using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LiveView.AspNetCore.Tests;

/// <summary>
/// A <see cref="TestHost"/> with <see cref="TracedPages.Traced"/>, <see cref="TracedPages.Herald"/> (at
/// <c>/herald</c>) and <see cref="TracedPages.Ticker"/> registered, and a v1 socket that counts its bytes.
/// </summary>
public static class TracedHost
{
    public static Task<TestHost> StartAsync(Action<IServiceCollection>? services = null, Action<WebApplication>? map = null) =>
        TestHost.StartAsync(
            services: services,
            pages: live => live.AddPage(TracedPages.Traced).AddPage(TracedPages.Herald).AddPage(TracedPages.Ticker),
            map: app =>
            {
                app.MapLivePage("/herald", TracedPages.Herald, TestPages.Layout);
                map?.Invoke(app);
            });

    /// <summary>The host's <see cref="IMeterFactory"/>: its instruments' meter.</summary>
    public static IMeterFactory Meters(this TestHost host) => host.App.Services.GetRequiredService<IMeterFactory>();

    /// <summary>The host's hub.</summary>
    public static ILiveHub Hub(this TestHost host) => host.App.Services.GetRequiredService<ILiveHub>();

    /// <summary><c>{"action": action, "data": {"lang": "en", ...data}}</c>.</summary>
    public static string Action(string action, object? data = null) =>
        JsonSerializer.Serialize(new { action, data = data ?? new { lang = "en" } });
}

/// <summary>
/// A test class with a fresh host of <see cref="TracedPages.Traced"/> per test, and a recorder listening to its
/// instruments and to spans. It listens before the host starts: ASP.NET Core makes its request spans only when someone
/// listens.
/// </summary>
[Collection(TelemetryCollection.Name)]
public abstract class TracedTests : IAsyncLifetime
{
    protected TestHost Host { get; private set; } = null!;

    protected TelemetryRecorder Recorder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Recorder = new TelemetryRecorder();
        Host = await TracedHost.StartAsync();
        Recorder.ListenTo(Host.Meters());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Recorder.Dispose();
    }
}

/// <summary>A Django LiveView v1 client's socket (no snapshots, no acknowledgements) that counts the bytes it sends and receives.</summary>
public sealed class CountingSocket(LiveSocket socket) : IAsyncDisposable
{
    /// <summary>Bytes of the messages sent.</summary>
    public long Sent { get; private set; }

    /// <summary>Bytes of the messages received.</summary>
    public long Received { get; private set; }

    public static async Task<CountingSocket> ConnectAsync(TestHost host) => new(await host.ConnectAsync(query: ""));

    public async Task SendAsync(string text)
    {
        await socket.SendAsync(text);
        Sent += Encoding.UTF8.GetByteCount(text);
    }

    public async Task<JsonElement> ReceiveAsync()
    {
        var text = await socket.ReceiveTextAsync();
        Received += Encoding.UTF8.GetByteCount(text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Sends <paramref name="action"/> and returns the frame that answers it.</summary>
    public async Task<JsonElement> ActAsync(string action, object? data = null)
    {
        await SendAsync(TracedHost.Action(action, data));
        return await ReceiveAsync();
    }

    public ValueTask DisposeAsync() => socket.DisposeAsync();
}
