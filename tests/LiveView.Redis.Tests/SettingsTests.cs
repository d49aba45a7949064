using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveView.Redis.Tests;

/// <summary>Setting the backplane up: in memory without it, clear errors when misconfigured, settings from configuration.</summary>
public sealed class SettingsTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }

    private static async Task<string> StartFailureAsync(HostApplicationBuilder builder)
    {
        using var host = builder.Build();
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return failure.Message;
    }

    [Fact]
    public void Without_AddRedis_messages_and_presence_stay_in_memory()
    {
        var builder = Builder();
        builder.Services.AddLiveView();
        using var host = builder.Build();

        Assert.Equal("InMemoryPubSub", host.Services.GetRequiredService<IPubSub>().GetType().Name);
        Assert.Equal("InMemoryPresence", host.Services.GetRequiredService<IPresence>().GetType().Name);
    }

    [Fact]
    public void AddRedis_replaces_the_in_memory_pub_sub_and_presence()
    {
        var builder = Builder();
        builder.Services.AddLiveView().AddRedis("localhost:6379");
        using var host = builder.Build();

        Assert.IsType<RedisPubSub>(host.Services.GetRequiredService<IPubSub>());
        Assert.IsType<RedisPresence>(host.Services.GetRequiredService<IPresence>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:6379,nonsense=1")]
    public void A_connection_string_that_is_empty_or_not_one_is_refused_at_once(string connectionString)
    {
        var builder = Builder();

        Assert.ThrowsAny<ArgumentException>(() => builder.Services.AddLiveView().AddRedis(connectionString));
    }

    [Fact]
    public async Task No_server_stops_the_start_with_what_to_set()
    {
        var builder = Builder();
        builder.Services.AddLiveView().AddRedis(_ => { });

        Assert.Contains("LiveView:Redis needs a server", await StartFailureAsync(builder));
    }

    [Fact]
    public async Task A_node_timeout_shorter_than_two_heartbeats_stops_the_start()
    {
        var builder = Builder();
        builder.Services.AddLiveView().AddRedis(options =>
        {
            options.ConnectionString = "localhost:6379";
            options.HeartbeatInterval = TimeSpan.FromSeconds(2);
            options.NodeTimeout = TimeSpan.FromSeconds(3);
        });

        Assert.Contains("NodeTimeout", await StartFailureAsync(builder));
    }

    [Fact]
    public async Task An_invalid_connection_string_in_the_configuration_stops_the_start()
    {
        var builder = Builder(("LiveView:Redis:ConnectionString", "localhost:6379,nonsense=1"));
        builder.Services.AddLiveView().AddRedis(_ => { });

        Assert.Contains("not a valid StackExchange.Redis connection string", await StartFailureAsync(builder));
    }

    [Fact]
    public async Task The_settings_are_read_from_the_LiveView_Redis_section()
    {
        await using var redis = await RedisServer.StartAsync();
        var builder = Builder(("LiveView:Redis:ConnectionString", redis.ConnectionString), ("LiveView:Redis:ChannelPrefix", "shop"));
        builder.Services.AddLiveView().AddRedis(_ => { });
        using var host = builder.Build();
        await host.StartAsync();

        var connection = host.Services.GetRequiredService<RedisConnection>();
        await Eventually.TrueAsync(() => connection.IsConnected, "the node reaches the configured Redis");
        Assert.Equal("shop:topic:t", host.Services.GetRequiredService<AudienceChannels>().Of(Audience.Topic("t")).ToString());
        await host.StopAsync();
    }

    [Fact]
    public async Task The_health_check_without_AddRedis_says_what_is_missing()
    {
        var builder = Builder();
        builder.Services.AddLiveView();
        builder.Services.AddHealthChecks().AddLiveViewRedis();
        using var host = builder.Build();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("AddRedis was not called", report.Entries["liveview-redis"].Description);
    }
}
