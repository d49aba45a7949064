namespace LiveView.AspNetCore.Tests;

/// <summary>A test class with a fresh <see cref="TestHost"/> per test.</summary>
public abstract class HostedTests(Action<LiveViewOptions>? configure = null) : IAsyncLifetime
{
    protected TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(configure);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
