using LiveView.AspNetCore;
using LiveView.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts LiveView's real time on Redis, so that it spans every node of the application.</summary>
public static class LiveViewRedisBuilderExtensions
{
    /// <summary>
    /// Shares messages (topics, users, connections, everyone) and presence between every node that uses the Redis at
    /// <paramref name="connectionString"/> (a StackExchange.Redis connection string: <c>localhost:6379</c>,
    /// <c>redis:6379,password=...</c>): <c>builder.Services.AddLiveView().AddRedis("localhost:6379")</c>.
    /// Other settings come from the <c>LiveView:Redis</c> configuration section.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty or not one StackExchange.Redis reads.</exception>
    public static ILiveViewBuilder AddRedis(this ILiveViewBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"'{connectionString}' is not a StackExchange.Redis connection string: {ex.Message}", nameof(connectionString), ex);
        }

        return builder.AddRedis(options => options.ConnectionString = connectionString);
    }

    /// <summary>
    /// Shares messages and presence between every node that uses the same Redis, with settings read from the
    /// <c>LiveView:Redis</c> configuration section and then <paramref name="configure"/>:
    /// <c>AddRedis(options =&gt; { options.ConnectionString = "redis:6379"; options.ChannelPrefix = "shop"; })</c>.
    /// The settings are checked when the application starts; a misconfigured backplane stops the start.
    /// </summary>
    public static ILiveViewBuilder AddRedis(this ILiveViewBuilder builder, Action<LiveViewRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<LiveViewRedisOptions>().BindConfiguration(LiveViewRedisOptions.Section).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveViewRedisOptions>, LiveViewRedisOptionsValidation>());
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisChannels>();
        services.TryAddSingleton<AudienceChannels>();
        services.TryAddSingleton<MessageTypes>();
        services.TryAddSingleton<MessageCodec>();
        services.TryAddSingleton<RedisPubSub>();
        services.TryAddSingleton<RedisPresence>();
        services.RemoveAll<IPubSub>();
        services.AddSingleton<IPubSub>(provider => provider.GetRequiredService<RedisPubSub>());
        services.RemoveAll<IPresence>();
        services.AddSingleton<IPresence>(provider => provider.GetRequiredService<RedisPresence>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisBackplane>());
        return builder;
    }
}
