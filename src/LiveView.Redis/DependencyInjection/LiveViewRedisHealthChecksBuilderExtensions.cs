using LiveView.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The health check of LiveView's Redis backplane.</summary>
public static class LiveViewRedisHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check: <c>liveview-redis</c>.</summary>
    public const string DefaultName = "liveview-redis";

    /// <summary>
    /// Adds a check that this node reaches the Redis of its backplane (<c>AddLiveView().AddRedis(...)</c>):
    /// <c>builder.Services.AddHealthChecks().AddLiveViewRedis()</c>, then <c>app.MapHealthChecks("/health")</c>.
    /// While Redis is unreachable it reports <paramref name="failureStatus"/>, Degraded by default: the node still
    /// serves its own pages, and an Unhealthy status would take every node out of a load balancer at once.
    /// </summary>
    public static IHealthChecksBuilder AddLiveViewRedis(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus failureStatus = HealthStatus.Degraded,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new RedisBackplaneHealthCheck(provider.GetService<RedisConnection>()),
            failureStatus,
            tags));
    }
}
